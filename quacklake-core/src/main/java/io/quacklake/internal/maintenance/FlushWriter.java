package io.quacklake.internal.maintenance;

import io.quacklake.SortField;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.InlinedRows;
import io.quacklake.internal.catalog.UuidV7;
import io.quacklake.internal.deletes.DeleteFiles;
import io.quacklake.internal.deletes.PuffinDeleteFile;
import io.quacklake.internal.parquet.ArrowParquetWriter;
import io.quacklake.internal.parquet.DuckLakeSystemColumn;
import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.internal.parquet.PositionDeleteFile;
import io.quacklake.internal.parquet.PositionDeleteWriter;
import io.quacklake.internal.parquet.WrittenFile;
import io.quacklake.internal.write.PartitionSplit;
import io.quacklake.internal.write.RowSorter;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes the Parquet data and delete files of one table's flush. */
final class FlushWriter {
  private final ObjectStore store;
  private final BufferAllocator allocator;
  private final ParquetWriteOptions options;
  private final boolean deletionVectors;
  private final List<SortField> sortKeys;
  private final Consumer<Location> created;

  /**
   * @param deletionVectors whether delete files are Puffin deletion vectors rather than Parquet
   * @param sortKeys the table's sort order, which flushed rows follow (when Quacklake evaluates its
   *     keys)
   */
  FlushWriter(
      ObjectStore store,
      BufferAllocator allocator,
      ParquetWriteOptions options,
      boolean deletionVectors,
      List<SortField> sortKeys,
      Consumer<Location> created) {
    this.store = store;
    this.allocator = allocator;
    this.options = options;
    this.deletionVectors = deletionVectors;
    this.sortKeys = sortKeys;
    this.created = created;
  }

  FlushStep write(FlushPlan plan, long baseSnapshot) {
    List<FlushStep.Flushed> flushed = new ArrayList<>();
    for (FlushPlan.InlinedTable t : plan.tables()) {
      if (t.versions().rows().rowIds().length > 0) {
        flushed.addAll(flushTable(plan, t));
      }
    }
    List<FlushStep.Replaced> replaced = new ArrayList<>();
    for (FlushPlan.FileDeletes f : plan.fileDeletes()) {
      replaced.add(replaceDeletes(plan, f));
    }
    return new FlushStep(plan.tableId(), plan.directory(), baseSnapshot, flushed, replaced);
  }

  /**
   * Every version of one inlined table's rows in row-id order with their ids and inserting
   * snapshots, split by the table's partition keys (one file per partition, rows in order).
   */
  private List<FlushStep.Flushed> flushTable(FlushPlan plan, FlushPlan.InlinedTable t) {
    InlinedRows rows = t.versions().rows();
    List<long[]> spans = t.versions().spans();
    int n = rows.rowIds().length;
    List<LakeColumn> all = new ArrayList<>(rows.columns());
    all.add(
        hidden(DuckLakeSystemColumn.ROW_ID.fieldId(), DuckLakeSystemColumn.ROW_ID.columnName()));
    all.add(
        hidden(
            DuckLakeSystemColumn.SNAPSHOT_ID.fieldId(),
            DuckLakeSystemColumn.SNAPSHOT_ID.columnName()));
    all.add(hidden(ORIGINAL_ROW_FIELD, "_quacklake_flush_row"));
    List<Object[]> values = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      Object[] v = java.util.Arrays.copyOf(rows.values().get(r), all.size());
      v[rows.columns().size()] = rows.rowIds()[r];
      v[rows.columns().size() + 1] = spans.get(r)[0];
      v[rows.columns().size() + 2] = (long) r;
      values.add(v);
    }
    sort(values, rows.columns());
    List<FlushStep.Flushed> out = new ArrayList<>();
    try (VectorSchemaRoot data = ArrowRows.of(all, values, allocator)) {
      if (plan.partitionKeys().isEmpty()) {
        out.add(flushPart(plan, t, data, "", List.of()));
      } else {
        for (PartitionSplit.Part part :
            PartitionSplit.split(data, all, plan.partitionKeys(), allocator)) {
          try (VectorSchemaRoot batch = part.batch()) {
            out.add(flushPart(plan, t, batch, part.directory(), part.values()));
          }
        }
      }
    }
    return out;
  }

  private FlushStep.Flushed flushPart(
      FlushPlan plan,
      FlushPlan.InlinedTable t,
      VectorSchemaRoot batch,
      String directory,
      List<String> partitionValues) {
    int columns = t.versions().rows().columns().size();
    int n = batch.getRowCount();
    BigIntVector ids = (BigIntVector) batch.getVector(columns);
    BigIntVector snapshots = (BigIntVector) batch.getVector(columns + 1);
    BigIntVector original = (BigIntVector) batch.getVector(columns + 2);
    String name = directory + "ducklake-" + UuidV7.next() + ".parquet";
    Location location = plan.directory().resolve(name);
    created.accept(location);
    ArrowParquetWriter writer =
        ArrowParquetWriter.open(
            store,
            location,
            t.versions().rows().columns(),
            options,
            java.util.Set.of(DuckLakeSystemColumn.ROW_ID, DuckLakeSystemColumn.SNAPSHOT_ID));
    WrittenFile file;
    try {
      List<FieldVector> vectors = new ArrayList<>(batch.getFieldVectors().subList(0, columns + 2));
      VectorSchemaRoot out = new VectorSchemaRoot(vectors);
      out.setRowCount(n);
      writer.write(out);
      file = writer.close();
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    long minBegin = Long.MAX_VALUE;
    long maxBegin = Long.MIN_VALUE;
    long minRowId = Long.MAX_VALUE;
    TreeMap<Long, Long> deleted = new TreeMap<>();
    List<long[]> spans = t.versions().spans();
    for (int r = 0; r < n; r++) {
      minBegin = Math.min(minBegin, snapshots.get(r));
      maxBegin = Math.max(maxBegin, snapshots.get(r));
      minRowId = Math.min(minRowId, ids.get(r));
      long end = spans.get((int) original.get(r))[1];
      if (end >= 0) {
        deleted.put((long) r, end);
      }
    }
    FlushStep.Deletes deletes =
        deleted.isEmpty() ? null : writeDeletes(plan.directory(), location, deleted);
    return new FlushStep.Flushed(
        t.versions().rows().tableName(),
        t.versions().rows().columns(),
        name,
        file,
        minBegin,
        maxBegin,
        minRowId,
        deletes,
        plan.partitionId(),
        partitionValues);
  }

  /** Rows in the table's sort order; left as they are when a key does not bind here. */
  private void sort(List<Object[]> values, List<LakeColumn> columns) {
    if (sortKeys.isEmpty()) {
      return;
    }
    try {
      RowSorter.sort(values, columns.size(), RowSorter.bind(columns, sortKeys));
    } catch (QuacklakeException e) {
      // a key written by another engine that Quacklake does not evaluate: order is layout only
    }
  }

  /** A field id no table column uses, for the row's position before the partition split. */
  private static final long ORIGINAL_ROW_FIELD = 2147483000L;

  private static LakeColumn hidden(long fieldId, String name) {
    return new LakeColumn(fieldId, name, LakeType.of(TypeId.INT64), true, null, null, List.of());
  }

  private FlushStep.Replaced replaceDeletes(FlushPlan plan, FlushPlan.FileDeletes f) {
    TreeMap<Long, Long> all = new TreeMap<>(f.inlined());
    if (f.deleteFile() != null) {
      PositionDeleteFile.Deletes old =
          DeleteFiles.readAll(
              io.quacklake.internal.parquet.crypto.FileEncryption.open(
                  store,
                  f.deleteFile().location(plan.directory(), "id " + plan.tableId()),
                  f.deleteFile().fileSizeBytes(),
                  f.deleteFile().encryptionKey()),
              f.deleteFile().format(),
              f.deleteFile().beginSnapshot());
      for (int i = 0; i < old.positions().length; i++) {
        all.putIfAbsent(old.positions()[i], old.snapshots()[i]);
      }
    }
    Location data = f.file().location(plan.directory(), "id " + plan.tableId());
    FlushStep.Deletes deletes = writeDeletes(plan.directory(), data, all);
    long max = all.values().stream().mapToLong(Long::longValue).max().orElse(0);
    return new FlushStep.Replaced(f, deletes, max);
  }

  private FlushStep.Deletes writeDeletes(
      Location directory, Location dataFile, TreeMap<Long, Long> positions) {
    String name =
        "ducklake-" + UuidV7.next() + "-delete." + (deletionVectors ? "puffin" : "parquet");
    Location location = directory.resolve(name);
    created.accept(location);
    long[] pos = new long[positions.size()];
    long[] snaps = new long[positions.size()];
    int i = 0;
    long min = Long.MAX_VALUE;
    for (Map.Entry<Long, Long> e : positions.entrySet()) {
      pos[i] = e.getKey();
      snaps[i++] = e.getValue();
      min = Math.min(min, e.getValue());
    }
    if (deletionVectors) {
      if (options.encrypted()) {
        throw io.quacklake.exceptions.QuacklakeException.unsupported(
            "this lake is encrypted (option encrypted = true); Quacklake does not encrypt deletion"
                + " vectors yet: set write_deletion_vectors to false, or flush with DuckDB");
      }
      PuffinDeleteFile.Written w =
          PuffinDeleteFile.write(store, location, dataFile.value(), pos, snaps, true);
      return new FlushStep.Deletes(
          name, "puffin", w.fileSizeBytes(), w.footerSize(), null, pos.length, min, null);
    }
    PositionDeleteWriter writer = PositionDeleteWriter.open(store, location, options, true);
    WrittenFile file;
    try {
      writer.write(dataFile.value(), pos, snaps);
      file = writer.close();
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    return new FlushStep.Deletes(
        name,
        "parquet",
        file.fileSizeBytes(),
        file.footerSize(),
        file.rowGroupCount(),
        pos.length,
        min,
        file.encryptionKey());
  }
}
