package io.quacklake.internal.parquet;

import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.parquet.VersionParser.ParsedVersion;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.schema.MessageType;

/**
 * Decodes a batch of rows of the bound columns into their (staging) Arrow vectors: one {@link
 * LeafColumnReader} per Parquet leaf, plus columns the file lacks filled with their initial
 * default.
 */
final class ColumnAssembly {
  private final MessageType schema;
  private final String file;
  private final List<FieldVector> vectors;
  private final List<Level> levels = new ArrayList<>();
  private final List<LeafReader> leaves = new ArrayList<>();
  private final List<Integer> leafColumns = new ArrayList<>();
  private final List<Integer> missingColumns = new ArrayList<>();
  private int building;
  private final List<ColumnDescriptor> descriptors = new ArrayList<>();
  private final List<MissingColumn> missing = new ArrayList<>();

  ColumnAssembly(
      List<ColumnBinding> bindings, List<FieldVector> vectors, MessageType schema, String file) {
    this.schema = schema;
    this.file = file;
    this.vectors = vectors;
    for (int i = 0; i < bindings.size(); i++) {
      building = i;
      build(bindings.get(i), vectors.get(i), null, 0, new Level[0]);
    }
  }

  /** The leaf columns to read from the file. */
  List<ColumnDescriptor> descriptors() {
    return descriptors;
  }

  void startRowGroup(PageReadStore pages, ParsedVersion writerVersion) {
    for (LeafReader leaf : leaves) {
      leaf.startRowGroup(pages, writerVersion);
    }
  }

  /** Replaces the vectors' contents with the next {@code rows} rows of the row group. */
  void readBatch(int rows) {
    allocate(rows);
    readColumns(rows, null, null);
    finish(rows);
  }

  /** Empties every vector and sizes it for {@code rows} rows; starts a batch read in phases. */
  void allocate(int rows) {
    startBatch();
    allocate(rows, null);
  }

  /** Starts a batch read in phases: nested levels count their slots from 0 again. */
  void startBatch() {
    for (Level level : levels) {
      level.count = 0;
    }
  }

  /**
   * As {@link #allocate(int)} for the top-level columns marked in {@code columns} only (null: all),
   * sized for {@code slots} rows; a batch read in phases sizes each phase's columns for what it
   * stores.
   */
  void allocate(int slots, boolean[] columns) {
    for (int c = 0; c < vectors.size(); c++) {
      if (columns == null || columns[c]) {
        FieldVector v = vectors.get(c);
        v.clear();
        v.setInitialCapacity(slots);
        v.allocateNew();
      }
    }
  }

  /**
   * Decodes the next {@code rows} rows of the top-level columns marked in {@code columns} (null:
   * all). When {@code wanted} is given, flat columns store only the rows marked in it and skip the
   * others' values (their slots stay null); other columns decode every row.
   */
  void readColumns(int rows, boolean[] columns, boolean[] wanted) {
    readColumns(rows, columns, wanted, -1);
  }

  /**
   * As {@link #readColumns(int, boolean[], boolean[])}, the batch starting at row {@code firstRow}
   * of the row group (-1: where the last batch ended). Only flat columns can start elsewhere; see
   * {@link #allFlat()}.
   */
  void readColumns(int rows, boolean[] columns, boolean[] wanted, long firstRow) {
    readColumns(rows, columns, wanted, firstRow, null, null, 0);
  }

  /**
   * As {@link #readColumns(int, boolean[], boolean[], long)}; the columns marked in {@code compact}
   * (each {@link #compactable}) store only the rows {@code selected[0..count)}, compacted into
   * slots {@code 0..count)}.
   */
  void readColumns(
      int rows,
      boolean[] columns,
      boolean[] wanted,
      long firstRow,
      boolean[] compact,
      int[] selected,
      int count) {
    for (int i = 0; i < leaves.size(); i++) {
      int column = leafColumns.get(i);
      if (columns == null || columns[column]) {
        LeafReader leaf = leaves.get(i);
        if (leaf instanceof FlatColumnReader flat && compact != null && compact[column]) {
          flat.readSelected(rows, selected, count, firstRow);
        } else if (leaf instanceof FlatColumnReader flat) {
          flat.readRows(rows, wanted, firstRow);
        } else {
          leaf.readRows(rows);
        }
      }
    }
    for (int i = 0; i < missing.size(); i++) {
      if (columns == null || columns[missingColumns.get(i)]) {
        MissingColumn m = missing.get(i);
        m.fill(m.parent == null ? rows : m.parent.count);
      }
    }
  }

  /** Whether every leaf is read by a {@link FlatColumnReader} (which can skip to any row). */
  boolean allFlat() {
    for (LeafReader leaf : leaves) {
      if (!(leaf instanceof FlatColumnReader)) {
        return false;
      }
    }
    return true;
  }

  /** Ends a batch: every vector holds {@code rows} slots. */
  void finish(int rows) {
    finish(rows, null, 0);
  }

  /** Ends a batch: the columns marked in {@code compact} hold {@code kept} slots, others rows. */
  void finish(int rows, boolean[] compact, int kept) {
    for (int c = 0; c < vectors.size(); c++) {
      vectors.get(c).setValueCount(compact != null && compact[c] ? kept : rows);
    }
  }

  /**
   * The top-level columns a single flat leaf reads (no nested levels, present in the file): those
   * that can be decoded compacted.
   */
  boolean[] compactable() {
    int[] leavesOf = new int[vectors.size()];
    boolean[] out = new boolean[vectors.size()];
    for (int i = 0; i < leaves.size(); i++) {
      int column = leafColumns.get(i);
      leavesOf[column]++;
      out[column] = leaves.get(i) instanceof FlatColumnReader;
    }
    for (int c = 0; c < out.length; c++) {
      out[c] &= leavesOf[c] == 1 && !missingColumns.contains(c);
    }
    return out;
  }

  private void build(ColumnBinding b, FieldVector v, Level parent, int slotDef, Level[] prefix) {
    if (b instanceof ColumnBinding.Missing m) {
      missing.add(new MissingColumn(m.column(), v, parent));
      missingColumns.add(building);
    } else if (b instanceof ColumnBinding.Leaf leaf) {
      buildLeaf(leaf, v, append(prefix, level(Level.Kind.LEAF, v, leaf.path(), slotDef)));
    } else if (b instanceof ColumnBinding.Struct s) {
      Level level = level(Level.Kind.STRUCT, v, s.path(), slotDef);
      StructVector struct = (StructVector) v;
      for (int i = 0; i < s.fields().size(); i++) {
        FieldVector child = (FieldVector) struct.getChildByOrdinal(i);
        build(s.fields().get(i), child, level, slotDef, append(prefix, level));
      }
    } else if (b instanceof ColumnBinding.ListOf l) {
      Level level = level(Level.Kind.LIST, v, l.path(), slotDef);
      int elementDef = schema.getMaxDefinitionLevel(l.repeatedPath());
      FieldVector element = ((ListVector) v).getDataVector();
      build(l.element(), element, level, elementDef, append(prefix, level));
    } else if (b instanceof ColumnBinding.MapOf m) {
      Level level = level(Level.Kind.LIST, v, m.path(), slotDef);
      StructVector entries = (StructVector) ((ListVector) v).getDataVector();
      int entryDef = schema.getMaxDefinitionLevel(m.repeatedPath());
      int entryRep = schema.getMaxRepetitionLevel(m.repeatedPath());
      Level entry = new Level(Level.Kind.STRUCT, entries, entryRep, entryDef, entryDef);
      levels.add(entry);
      Level[] entryPath = append(append(prefix, level), entry);
      build(m.key(), (FieldVector) entries.getChildByOrdinal(0), entry, entryDef, entryPath);
      build(m.value(), (FieldVector) entries.getChildByOrdinal(1), entry, entryDef, entryPath);
    }
  }

  private void buildLeaf(ColumnBinding.Leaf leaf, FieldVector v, Level[] path) {
    int firstOwned = 0;
    while (path[firstOwned].owned) {
      firstOwned++;
    }
    for (int j = firstOwned; j < path.length; j++) {
      path[j].owned = true;
    }
    LeafWriter writer =
        LeafWriterFactory.create(leaf.descriptor().getPrimitiveType(), leaf.column(), v, file);
    LeafReader flat = FlatColumnReader.tryCreate(leaf.descriptor(), path, writer, file);
    leafColumns.add(building);
    leaves.add(
        flat != null
            ? flat
            : new LeafColumnReader(leaf.descriptor(), path, firstOwned, writer, file));
    descriptors.add(leaf.descriptor());
  }

  private Level level(Level.Kind kind, FieldVector v, String[] path, int slotDef) {
    int rep = schema.getMaxRepetitionLevel(path);
    Level level = new Level(kind, v, rep, slotDef, schema.getMaxDefinitionLevel(path));
    levels.add(level);
    return level;
  }

  private static Level[] append(Level[] prefix, Level level) {
    Level[] p = Arrays.copyOf(prefix, prefix.length + 1);
    p[prefix.length] = level;
    return p;
  }

  /** A column (or nested field) absent from the file: every slot holds its initial default. */
  private static final class MissingColumn {
    final FieldVector vector;
    final Level parent;
    final Object value;

    MissingColumn(LakeColumn column, FieldVector vector, Level parent) {
      this.vector = vector;
      this.parent = parent;
      String text = column.initialDefault();
      this.value =
          text == null || text.equalsIgnoreCase("NULL") ? null : DuckDbText.parse(text, column);
    }

    void fill(int count) {
      if (value != null) {
        for (int i = 0; i < count; i++) {
          ArrowValues.set(vector, i, value);
        }
      }
    }
  }
}
