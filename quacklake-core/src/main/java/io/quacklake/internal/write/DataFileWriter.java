package io.quacklake.internal.write;

import io.quacklake.internal.catalog.UuidV7;
import io.quacklake.internal.parquet.ArrowParquetWriter;
import io.quacklake.internal.parquet.DuckLakeSystemColumn;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes aligned batches as new DuckLake data files named {@code ducklake-<uuidv7>.parquet}. */
public final class DataFileWriter {
  private DataFileWriter() {}

  /** Rows per slice between two checks of the file size. */
  private static final int SLICE_ROWS = 8192;

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
    int rows = batch.getRowCount();
    int from = 0;
    while (from < rows) {
      String name =
          "ducklake-"
              + UuidV7.next()
              + (context.fileTag() == null ? "" : "-" + context.fileTag())
              + ".parquet";
      Set<DuckLakeSystemColumn> system =
          embeddedRowIds ? Set.of(DuckLakeSystemColumn.ROW_ID) : Set.of();
      Location location = tableDir.resolve(name);
      context.created().accept(location);
      ArrowParquetWriter writer =
          ArrowParquetWriter.open(context.store(), location, columns, context.options(), system)
              .shredOn(context.executor(), context.threads());
      int start = from;
      try {
        do {
          int length = Math.min(SLICE_ROWS, rows - from);
          if (from == 0 && length == rows) {
            writer.write(batch);
          } else {
            try (VectorSchemaRoot slice = batch.slice(from, length)) {
              writer.write(slice);
            }
          }
          from += length;
        } while (from < rows && writer.estimatedBytes() < context.targetFileSize());
      } catch (RuntimeException | Error e) {
        writer.abort();
        throw e;
      }
      files.add(
          new PendingDataFile(
              name,
              writer.close(),
              embeddedRowIds,
              firstRowId(batch, columns, start, from, embeddedRowIds),
              null,
              List.of()));
    }
    return files;
  }

  private static long firstRowId(
      VectorSchemaRoot batch, List<LakeColumn> columns, int from, int to, boolean embedded) {
    if (!embedded) {
      return 0;
    }
    BigIntVector ids = (BigIntVector) batch.getVector(columns.size());
    long first = Long.MAX_VALUE;
    for (int i = from; i < to; i++) {
      first = Math.min(first, ids.get(i));
    }
    return first;
  }
}
