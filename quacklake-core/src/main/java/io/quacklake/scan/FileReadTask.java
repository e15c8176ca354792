package io.quacklake.scan;

import io.quacklake.QuacklakeException;
import io.quacklake.parquet.ParquetBatchReader;
import io.quacklake.parquet.ParquetReadMetrics;
import io.quacklake.parquet.ParquetReadRequest;
import io.quacklake.parquet.PositionDeleteFile;
import io.quacklake.storage.InputFile;
import java.util.Arrays;
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
    long[] deleted = deletedPositions(task, snapshot, settings);
    Long partialMax = task.file().partialMax();
    long maxSnapshot = partialMax != null && partialMax > snapshot ? snapshot : Long.MAX_VALUE;
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

  private static long[] deletedPositions(FileTask task, long snapshot, ScanSettings settings) {
    long[] inlined = task.inlinedDeletes();
    if (task.deleteFile() == null) {
      return inlined;
    }
    if (!"parquet".equalsIgnoreCase(task.deleteFile().format())) {
      throw QuacklakeException.unsupported(
          "delete file %s has format '%s'; this release reads Parquet delete files only",
          task.deleteLocation(), task.deleteFile().format());
    }
    InputFile deletes =
        settings.store().newInputFile(task.deleteLocation(), task.deleteFile().fileSizeBytes());
    long[] fromFile = PositionDeleteFile.read(deletes, snapshot);
    if (inlined.length == 0) {
      return fromFile;
    }
    long[] merged = Arrays.copyOf(fromFile, fromFile.length + inlined.length);
    System.arraycopy(inlined, 0, merged, fromFile.length, inlined.length);
    return Arrays.stream(merged).sorted().distinct().toArray();
  }
}
