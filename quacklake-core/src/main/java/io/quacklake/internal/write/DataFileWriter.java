package io.quacklake.internal.write;

import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes aligned batches as new DuckLake data files named {@code ducklake-<uuidv7>.parquet}. */
public final class DataFileWriter {
  private DataFileWriter() {}

  /**
   * Writes a batch as data files of a table: split by {@code keys} into hive directories (each file
   * with its partition values) when there are keys, else as is. Every part of the split is closed,
   * also when a write fails.
   */
  public static void writePartitioned(
      WriteContext context,
      Location tableDir,
      List<LakeColumn> columns,
      List<PartitionKey> keys,
      VectorSchemaRoot batch,
      org.apache.arrow.memory.BufferAllocator allocator,
      java.util.function.Consumer<PendingDataFile> sink) {
    if (keys.isEmpty()) {
      write(context, tableDir, columns, batch, false).forEach(sink);
      return;
    }
    List<PartitionSplit.Part> parts = PartitionSplit.split(batch, columns, keys, allocator);
    try {
      for (PartitionSplit.Part part : parts) {
        for (PendingDataFile f :
            write(context, tableDir.resolve(part.directory()), columns, part.batch(), false)) {
          sink.accept(f.partitioned(part.directory(), -1, part.values()));
        }
      }
    } finally {
      parts.forEach(p -> p.batch().close());
    }
  }

  /**
   * Writes the batch as one or more files in the table directory, starting a new file whenever the
   * current one reaches the context's target file size.
   *
   * @param batch columns in the table's layout, followed by a {@code _ducklake_internal_row_id}
   *     vector when {@code embeddedRowIds}
   */
  public static List<PendingDataFile> write(
      WriteContext context,
      Location tableDir,
      List<LakeColumn> columns,
      VectorSchemaRoot batch,
      boolean embeddedRowIds) {
    List<PendingDataFile> files = new ArrayList<>();
    RollingDataFile file = new RollingDataFile(context, tableDir, columns, embeddedRowIds);
    file.write(batch, files::add);
    file.finish(files::add);
    return files;
  }
}
