package io.quacklake.scan;

import io.quacklake.parquet.ParquetBatchReader;
import io.quacklake.parquet.ParquetReadMetrics;
import io.quacklake.parquet.ParquetReadRequest;
import io.quacklake.storage.InputFile;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/** Reads one data file with its deletes and emits projected, filtered batches. */
final class FileReadTask {
  private FileReadTask() {}

  static void run(
      FileTask task,
      long snapshot,
      ScanSettings settings,
      BatchProjector projector,
      BufferAllocator allocator,
      ScanCounters counters,
      BooleanSupplier cancelled,
      Consumer<ArrowRecordBatch> sink) {
    long[] deleted = DeletedPositions.of(task, snapshot, settings.store());
    long maxSnapshot = DeletedPositions.maxSnapshot(task, snapshot);
    InputFile input = settings.store().newInputFile(task.location(), task.file().fileSizeBytes());
    RowFilter filter = settings.filter();
    ParquetReadRequest request =
        new ParquetReadRequest(
            input,
            settings.readColumns(),
            filter.columnIds().isEmpty() ? null : (stats, rows) -> filter.mightMatch(stats),
            deleted,
            maxSnapshot,
            false,
            task.file().rowIdStart() == null ? 0 : task.file().rowIdStart(),
            settings.batchSize());
    try (ParquetBatchReader reader = ParquetBatchReader.open(request, allocator)) {
      while (!cancelled.getAsBoolean() && reader.loadNextBatch()) {
        counters.rowsScanned.add(reader.root().getRowCount());
        ArrowRecordBatch out = projector.project(reader.root());
        if (out != null) {
          counters.rowsReturned.add(out.getLength());
          sink.accept(out);
        }
      }
      ParquetReadMetrics m = reader.metrics();
      counters.rowGroupsRead.add(m.rowGroupsRead());
      counters.rowGroupsSkipped.add(m.rowGroupsSkipped());
    }
  }
}
