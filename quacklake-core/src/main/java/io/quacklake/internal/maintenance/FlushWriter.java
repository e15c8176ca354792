package io.quacklake.internal.maintenance;

import io.quacklake.internal.catalog.InlinedRows;
import io.quacklake.internal.catalog.UuidV7;
import io.quacklake.internal.parquet.ArrowParquetWriter;
import io.quacklake.internal.parquet.DuckLakeSystemColumn;
import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.internal.parquet.PositionDeleteFile;
import io.quacklake.internal.parquet.PositionDeleteWriter;
import io.quacklake.internal.parquet.WrittenFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.ArrowRows;
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
  private final Consumer<Location> created;

  FlushWriter(
      ObjectStore store,
      BufferAllocator allocator,
      ParquetWriteOptions options,
      Consumer<Location> created) {
    this.store = store;
    this.allocator = allocator;
    this.options = options;
    this.created = created;
  }

  FlushStep write(FlushPlan plan, long baseSnapshot) {
    List<FlushStep.Flushed> flushed = new ArrayList<>();
    for (FlushPlan.InlinedTable t : plan.tables()) {
      InlinedRows rows = t.versions().rows();
      if (rows.rowIds().length == 0) {
        continue;
      }
      flushed.add(flushTable(plan, t));
    }
    List<FlushStep.Replaced> replaced = new ArrayList<>();
    for (FlushPlan.FileDeletes f : plan.fileDeletes()) {
      replaced.add(replaceDeletes(plan, f));
    }
    return new FlushStep(plan.tableId(), plan.directory(), baseSnapshot, flushed, replaced);
  }

  private FlushStep.Flushed flushTable(FlushPlan plan, FlushPlan.InlinedTable t) {
    InlinedRows rows = t.versions().rows();
    List<long[]> spans = t.versions().spans();
    int n = rows.rowIds().length;
    String name = "ducklake-" + UuidV7.next() + ".parquet";
    Location location = plan.directory().resolve(name);
    created.accept(location);
    ArrowParquetWriter writer =
        ArrowParquetWriter.open(
            store,
            location,
            rows.columns(),
            options,
            java.util.Set.of(DuckLakeSystemColumn.ROW_ID, DuckLakeSystemColumn.SNAPSHOT_ID));
    WrittenFile file;
    long minBegin = Long.MAX_VALUE;
    long maxBegin = Long.MIN_VALUE;
    long minRowId = Long.MAX_VALUE;
    try (VectorSchemaRoot data = ArrowRows.of(rows.columns(), rows.values(), allocator);
        BigIntVector ids = new BigIntVector(DuckLakeSystemColumn.ROW_ID.columnName(), allocator);
        BigIntVector snapshots =
            new BigIntVector(DuckLakeSystemColumn.SNAPSHOT_ID.columnName(), allocator)) {
      ids.allocateNew(n);
      snapshots.allocateNew(n);
      for (int r = 0; r < n; r++) {
        long begin = spans.get(r)[0];
        ids.set(r, rows.rowIds()[r]);
        snapshots.set(r, begin);
        minBegin = Math.min(minBegin, begin);
        maxBegin = Math.max(maxBegin, begin);
        minRowId = Math.min(minRowId, rows.rowIds()[r]);
      }
      ids.setValueCount(n);
      snapshots.setValueCount(n);
      List<FieldVector> vectors = new ArrayList<>(data.getFieldVectors());
      vectors.add(ids);
      vectors.add(snapshots);
      VectorSchemaRoot batch = new VectorSchemaRoot(vectors);
      batch.setRowCount(n);
      writer.write(batch);
      file = writer.close();
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    TreeMap<Long, Long> deleted = new TreeMap<>();
    for (int r = 0; r < n; r++) {
      if (spans.get(r)[1] >= 0) {
        deleted.put((long) r, spans.get(r)[1]);
      }
    }
    FlushStep.Deletes deletes =
        deleted.isEmpty() ? null : writeDeletes(plan.directory(), location, deleted);
    return new FlushStep.Flushed(
        rows.tableName(), rows.columns(), name, file, minBegin, maxBegin, minRowId, deletes);
  }

  private FlushStep.Replaced replaceDeletes(FlushPlan plan, FlushPlan.FileDeletes f) {
    TreeMap<Long, Long> all = new TreeMap<>(f.inlined());
    if (f.deleteFile() != null) {
      PositionDeleteFile.Deletes old =
          PositionDeleteFile.readAll(
              store.newInputFile(
                  f.deleteFile().location(plan.directory(), "id " + plan.tableId()),
                  f.deleteFile().fileSizeBytes()),
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
    String name = "ducklake-" + UuidV7.next() + "-delete.parquet";
    Location location = directory.resolve(name);
    created.accept(location);
    PositionDeleteWriter writer = PositionDeleteWriter.open(store, location, options, true);
    long[] pos = new long[positions.size()];
    long[] snaps = new long[positions.size()];
    int i = 0;
    long min = Long.MAX_VALUE;
    for (Map.Entry<Long, Long> e : positions.entrySet()) {
      pos[i] = e.getKey();
      snaps[i++] = e.getValue();
      min = Math.min(min, e.getValue());
    }
    WrittenFile file;
    try {
      writer.write(dataFile.value(), pos, snaps);
      file = writer.close();
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    return new FlushStep.Deletes(name, file, pos.length, min);
  }
}
