package io.quacklake.internal.scan;

import io.quacklake.internal.parquet.ParquetBatchReader;
import io.quacklake.internal.parquet.ParquetReadMetrics;
import io.quacklake.internal.parquet.ParquetReadRequest;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Reads the row groups of one data file that this worker claims, with the file's deletes, and emits
 * projected, filtered batches. The file's first reader opens it; a joining reader reuses its footer
 * and takes row groups nobody has claimed yet, so one large file is read by several workers.
 */
final class FileReadTask {
  private FileReadTask() {}

  static void run(
      SharedFile shared,
      boolean first,
      long snapshot,
      ScanSettings settings,
      BatchProjector projector,
      BufferAllocator allocator,
      ScanCounters counters,
      BooleanSupplier cancelled,
      Consumer<ArrowRecordBatch> sink) {
    if (!first && !shared.rowGroups().awaitOpened()) {
      return;
    }
    FileTask task = shared.task();
    RowFilter filter = settings.filter();
    try {
      ParquetReadRequest request =
          new ParquetReadRequest(
              io.quacklake.internal.parquet.crypto.FileEncryption.open(
                  settings.store(),
                  task.location(),
                  task.file().fileSizeBytes(),
                  task.file().encryptionKey()),
              task.columns(settings.readColumns()),
              filter.columnIds().isEmpty() ? null : (stats, rows) -> filter.mightMatch(stats),
              shared.deleted(snapshot, settings.store()),
              DeletedPositions.maxSnapshot(task, snapshot),
              settings.rowIdentity(),
              task.file().rowIdStart() == null ? 0 : task.file().rowIdStart(),
              settings.batchSize(),
              shared.rowGroups(),
              filter.columnIds().isEmpty() ? null : filter,
              task.mapping());
      // a transaction's own files (negative ids) have no snapshot until their commit
      RowOrigin origin =
          new RowOrigin(
              task.file().dataFileId(),
              task.location().value(),
              task.file().dataFileId() < 0 ? null : task.file().beginSnapshot());
      read(request, origin, projector, allocator, counters, cancelled, sink);
    } finally {
      if (first) {
        shared.rowGroups().abandon();
      }
    }
  }

  private static void read(
      ParquetReadRequest request,
      RowOrigin origin,
      BatchProjector projector,
      BufferAllocator allocator,
      ScanCounters counters,
      BooleanSupplier cancelled,
      Consumer<ArrowRecordBatch> sink) {
    try (ParquetBatchReader reader = ParquetBatchReader.open(request, allocator)) {
      while (!cancelled.getAsBoolean() && reader.loadNextBatch()) {
        ArrowRecordBatch out = projector.project(reader.root(), origin);
        if (out != null) {
          counters.rowsReturned.add(out.getLength());
          sink.accept(out);
        }
      }
      ParquetReadMetrics m = reader.metrics();
      counters.rowsScanned.add(m.rowsKept());
      counters.rowGroupsRead.add(m.rowGroupsRead());
      counters.rowGroupsSkipped.add(m.rowGroupsSkipped());
    }
  }
}
