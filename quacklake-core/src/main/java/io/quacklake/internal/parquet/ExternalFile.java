package io.quacklake.internal.parquet;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.expr.ColumnStats;
import io.quacklake.internal.types.ValueOrder;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.SeekableStream;
import io.quacklake.types.LakeColumn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet file written elsewhere, registered in a table without copying ({@code
 * ducklake_add_data_files}): its columns are mapped to the table's by name (case-insensitively,
 * level by level, as DuckDB does), its types checked against the table's, and its statistics read
 * from the footer.
 */
public final class ExternalFile {
  private ExternalFile() {}

  /**
   * What registering a file needs.
   *
   * @param mapping its columns by name, entries in DuckDB's order (file order, depth first)
   * @param facts its size, footer, row count and per-leaf statistics, keyed by column id
   */
  public record Inspection(NameMapping mapping, WrittenFile facts) {}

  /**
   * Reads the footer of {@code file} and maps it onto the table's columns.
   *
   * @param hiveValues partition values from the file's path ({@code key=value} directories) by key
   * @throws QuacklakeException INVALID_ARGUMENT naming the column when a table column is missing
   *     (unless {@code allowMissing}), a file column is not in the table (unless {@code
   *     ignoreExtraColumns}) or a type cannot be read as the table's; CORRUPT when it is not
   *     Parquet
   */
  public static Inspection inspect(
      InputFile file,
      List<LakeColumn> columns,
      Map<String, String> hiveValues,
      boolean allowMissing,
      boolean ignoreExtraColumns) {
    try (ParquetFileReader reader = ParquetInputFile.open(file)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      String name = file.location().value();
      List<NameMapping.Entry> entries = new ArrayList<>();
      new Mapper(name, entries, hiveValues, allowMissing, ignoreExtraColumns)
          .map(schema, columns, null, "");
      NameMapping mapping = new NameMapping(entries);
      List<ColumnBinding> bindings;
      try {
        bindings = new SchemaMatcher(schema, name, mapping).bind(columns);
      } catch (QuacklakeException e) {
        throw new QuacklakeException(
            ErrorKind.INVALID_ARGUMENT,
            e.getMessage() + "; the file cannot be added to the table as it is",
            e);
      }
      for (ColumnBinding b : bindings) {
        checkTypes(b, name);
      }
      long rows = reader.getRecordCount();
      Map<Long, LeafStats> stats = new LinkedHashMap<>();
      for (ColumnBinding b : bindings) {
        leafStats(b, reader.getRowGroups(), rows, mapping, hiveValues, stats);
      }
      long length = file.length();
      return new Inspection(
          mapping,
          new WrittenFile(
              file.location(),
              rows,
              length,
              footerSize(file, length),
              reader.getRowGroups().size(),
              stats));
    } catch (IOException e) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE, "reading " + file.location() + " failed: " + e.getMessage(), e);
    }
  }

  /** Builds the entries of one level, in the file's column order, then the hive-only columns. */
  private record Mapper(
      String file,
      List<NameMapping.Entry> entries,
      Map<String, String> hive,
      boolean allowMissing,
      boolean ignoreExtra) {

    void map(GroupType group, List<LakeColumn> fields, NameMapping.Entry parent, String prefix) {
      Map<String, LakeColumn> byName = new LinkedHashMap<>();
      for (LakeColumn f : fields) {
        byName.put(f.name().toLowerCase(Locale.ROOT), f);
      }
      for (Type t : group.getFields()) {
        LakeColumn field = byName.remove(t.getName().toLowerCase(Locale.ROOT));
        if (field == null) {
          if (ignoreExtra) {
            continue;
          }
          throw QuacklakeException.invalid(
              "column \"%s%s\" exists in file %s but not in the table; pass ignore extra columns"
                  + " (--ignore-extra-columns) to add the file anyway",
              prefix, t.getName(), file);
        }
        if (parent == null && hive.containsKey(field.name().toLowerCase(Locale.ROOT))) {
          entries.add(entry(t.getName(), field, null, true));
          continue;
        }
        NameMapping.Entry e = entry(t.getName(), field, parent, false);
        entries.add(e);
        children(t, field, e, prefix + t.getName() + ".");
      }
      for (LakeColumn missing : byName.values()) {
        if (parent == null && hive.containsKey(missing.name().toLowerCase(Locale.ROOT))) {
          entries.add(entry(missing.name(), missing, null, true));
        } else if (!allowMissing) {
          throw QuacklakeException.invalid(
              "column \"%s%s\" of the table is not in file %s; pass allow missing"
                  + " (--allow-missing) to read it as NULL",
              prefix, missing.name(), file);
        }
      }
    }

    private void children(Type t, LakeColumn field, NameMapping.Entry e, String prefix) {
      if (t.isPrimitive() || field.children().isEmpty()) {
        return;
      }
      GroupType g = t.asGroupType();
      switch (field.type().id()) {
        case STRUCT -> map(g, field.children(), e, prefix);
        case LIST -> {
          Type repeated = g.getType(0);
          Type element =
              repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1
                  ? repeated
                  : repeated.asGroupType().getType(0);
          NameMapping.Entry child =
              entry(
                  repeated.isPrimitive() ? repeated.getName() : "list",
                  field.children().get(0),
                  e,
                  false);
          entries.add(child);
          children(element, field.children().get(0), child, prefix);
        }
        default -> {
          GroupType kv = g.getType(0).asGroupType();
          for (int i = 0; i < 2 && i < kv.getFieldCount(); i++) {
            NameMapping.Entry child =
                entry(kv.getType(i).getName(), field.children().get(i), e, false);
            entries.add(child);
            children(kv.getType(i), field.children().get(i), child, prefix);
          }
        }
      }
    }

    private NameMapping.Entry entry(
        String source, LakeColumn field, NameMapping.Entry parent, boolean partition) {
      return new NameMapping.Entry(
          entries.size(), source, field.id(), parent == null ? null : parent.columnId(), partition);
    }
  }

  /** Refuses leaves whose stored type cannot be read as the table column's type. */
  private static void checkTypes(ColumnBinding b, String file) {
    if (b instanceof ColumnBinding.Leaf leaf) {
      org.apache.parquet.schema.PrimitiveType stored = leaf.descriptor().getPrimitiveType();
      if (!fits(SourceType.of(stored), stored, leaf.column())) {
        throw QuacklakeException.invalid(
            "column '%s' is %s in the table but file %s stores it as '%s'; the file cannot be"
                + " added as it is",
            leaf.column().name(), leaf.column().sqlTypeName(), file, stored.toString().trim());
      }
    } else if (b instanceof ColumnBinding.Struct s) {
      s.fields().forEach(f -> checkTypes(f, file));
    } else if (b instanceof ColumnBinding.ListOf l) {
      checkTypes(l.element(), file);
    } else if (b instanceof ColumnBinding.MapOf m) {
      checkTypes(m.key(), file);
      checkTypes(m.value(), file);
    }
  }

  /** Whether values stored as {@code src} read as the column's type without loss. */
  private static boolean fits(
      SourceType src, org.apache.parquet.schema.PrimitiveType stored, LakeColumn column) {
    boolean int64 =
        stored.getPrimitiveTypeName()
            == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
    return switch (column.type().id()) {
      case BOOLEAN -> src.kind() == SourceType.Kind.BOOLEAN;
      case INT8, INT16, INT32, UINT8, UINT16, UINT32 ->
          src.kind() == SourceType.Kind.INTEGER && !int64;
      case INT64, UINT64 -> src.kind() == SourceType.Kind.INTEGER;
      case INT128, UINT128 ->
          src.kind() == SourceType.Kind.INTEGER || src.kind() == SourceType.Kind.DECIMAL;
      case FLOAT32 ->
          src.kind() == SourceType.Kind.FLOATING
              && stored.getPrimitiveTypeName()
                  == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT;
      case FLOAT64 -> src.kind() == SourceType.Kind.FLOATING;
      case DECIMAL ->
          src.kind() == SourceType.Kind.DECIMAL || src.kind() == SourceType.Kind.INTEGER;
      case DATE -> src.kind() == SourceType.Kind.DATE;
      case TIME, TIME_NS -> src.kind() == SourceType.Kind.TIME;
      case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS, TIMESTAMPTZ, TIMESTAMPTZ_NS ->
          src.kind() == SourceType.Kind.TIMESTAMP || src.kind() == SourceType.Kind.INT96_TIMESTAMP;
      default -> src.kind() == SourceType.Kind.BYTES;
    };
  }

  /** Per-leaf statistics over every row group; hive columns hold their one value. */
  private static void leafStats(
      ColumnBinding b,
      List<BlockMetaData> blocks,
      long rows,
      NameMapping mapping,
      Map<String, String> hive,
      Map<Long, LeafStats> out) {
    if (b instanceof ColumnBinding.Leaf leaf) {
      out.put(leaf.column().id(), leaf(leaf, blocks));
    } else if (b instanceof ColumnBinding.Struct s) {
      s.fields().forEach(f -> leafStats(f, blocks, rows, mapping, hive, out));
    } else if (b instanceof ColumnBinding.ListOf l) {
      leafStats(l.element(), blocks, rows, mapping, hive, out);
    } else if (b instanceof ColumnBinding.MapOf m) {
      leafStats(m.key(), blocks, rows, mapping, hive, out);
      leafStats(m.value(), blocks, rows, mapping, hive, out);
    } else if (b instanceof ColumnBinding.Missing missing) {
      NameMapping.Entry e = mapping.top(missing.column().id());
      if (e != null && e.partition() && !missing.column().type().id().isNested()) {
        String text = hive.get(missing.column().name().toLowerCase(Locale.ROOT));
        Object value =
            text == null
                ? null
                : io.quacklake.internal.text.DuckDbText.parse(text, missing.column());
        out.put(
            missing.column().id(),
            new LeafStats(
                value == null ? rows : 0, value == null ? 0 : rows, 0, value, value, null));
      }
    }
  }

  private static LeafStats leaf(ColumnBinding.Leaf leaf, List<BlockMetaData> blocks) {
    long nulls = 0;
    long values = 0;
    long size = 0;
    Object min = null;
    Object max = null;
    boolean bounded = true;
    Comparator<Object> order = ValueOrder.of(leaf.column().type());
    for (BlockMetaData block : blocks) {
      ColumnChunkMetaData chunk = RowGroupStats.chunk(block, leaf);
      if (chunk == null) {
        continue;
      }
      size += chunk.getTotalSize();
      Statistics<?> raw = chunk.getStatistics();
      ColumnStats s =
          StatsConverter.convert(
              leaf.descriptor().getPrimitiveType(),
              leaf.column().type(),
              raw,
              chunk.getValueCount());
      long chunkNulls = s.nullCount() == null ? 0 : s.nullCount();
      nulls += chunkNulls;
      values += chunk.getValueCount() - chunkNulls;
      if (chunk.getValueCount() - chunkNulls == 0) {
        continue;
      }
      if (s.min() == null || s.max() == null) {
        bounded = false;
        continue;
      }
      min = min == null || order.compare(s.min(), min) < 0 ? s.min() : min;
      max = max == null || order.compare(s.max(), max) > 0 ? s.max() : max;
    }
    return new LeafStats(nulls, values, size, bounded ? min : null, bounded ? max : null, null);
  }

  /** The Thrift footer's length, stored before the trailing {@code PAR1}. */
  private static long footerSize(InputFile file, long length) throws IOException {
    try (SeekableStream in = file.newStream()) {
      in.seek(length - 8);
      byte[] b = in.readNBytes(4);
      return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
    }
  }
}
