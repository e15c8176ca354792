package io.quacklake.internal.write;

import io.quacklake.internal.catalog.UuidV7;
import io.quacklake.internal.parquet.ArrowParquetWriter;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A table's data file kept open across batches: each batch is appended to the current file, and a
 * new file starts once it reaches the target size, so many small batches (an append reading its
 * input row group by row group) make files of the target size rather than one file each. Rows keep
 * their order; files get no embedded row ids.
 */
public final class RollingDataFile {
  private static final int SLICE_ROWS = 8192;

  private final WriteContext context;
  private final Location tableDir;
  private final List<LakeColumn> columns;
  private String name;
  private ArrowParquetWriter writer;

  public RollingDataFile(WriteContext context, Location tableDir, List<LakeColumn> columns) {
    this.context = context;
    this.tableDir = tableDir;
    this.columns = List.copyOf(columns);
  }

  /**
   * Appends a batch in the table's layout; files that reach the target size are finished and handed
   * to {@code finished}.
   */
  public void write(VectorSchemaRoot batch, Consumer<PendingDataFile> finished) {
    int rows = batch.getRowCount();
    int from = 0;
    while (from < rows) {
      if (writer == null) {
        start();
      }
      try {
        int length = Math.min(SLICE_ROWS, rows - from);
        if (from == 0 && length == rows) {
          writer.write(batch);
        } else {
          try (VectorSchemaRoot slice = batch.slice(from, length)) {
            writer.write(slice);
          }
        }
        from += length;
      } catch (RuntimeException | Error e) {
        abort();
        throw e;
      }
      if (writer.estimatedBytes() >= context.targetFileSize()) {
        finish(finished);
      }
    }
  }

  /** Finishes the current file, if any, handing it to {@code finished}. */
  public void finish(Consumer<PendingDataFile> finished) {
    if (writer == null) {
      return;
    }
    ArrowParquetWriter w = writer;
    writer = null;
    finished.accept(new PendingDataFile(name, w.close(), false, 0, null, List.of()));
  }

  /** Gives the current file up; nothing of it is published. */
  public void abort() {
    if (writer != null) {
      ArrowParquetWriter w = writer;
      writer = null;
      w.abort();
    }
  }

  private void start() {
    name =
        "ducklake-"
            + UuidV7.next()
            + (context.fileTag() == null ? "" : "-" + context.fileTag())
            + ".parquet";
    Location location = tableDir.resolve(name);
    context.created().accept(location);
    writer =
        ArrowParquetWriter.open(
                context.store(), location, columns, context.options(), java.util.Set.of())
            .shredOn(context.executor(), context.threads());
  }
}
