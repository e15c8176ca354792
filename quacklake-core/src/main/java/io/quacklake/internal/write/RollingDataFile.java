package io.quacklake.internal.write;

import io.quacklake.internal.catalog.UuidV7;
import io.quacklake.internal.parquet.ArrowParquetWriter;
import io.quacklake.internal.parquet.DuckLakeSystemColumn;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A table's data file kept open across batches: each batch is appended to the current file, and a
 * new file starts once it reaches the target size, so many small batches (an append reading its
 * input row group by row group) make files of the target size rather than one file each. Rows keep
 * their order. With embedded row ids, each batch ends with a {@code _ducklake_internal_row_id}
 * vector, written into the files, and each file records its smallest row id.
 */
public final class RollingDataFile {
  private static final int SLICE_ROWS = 8192;

  private final WriteContext context;
  private final Location tableDir;
  private final List<LakeColumn> columns;
  private final boolean embeddedRowIds;
  private String name;
  private ArrowParquetWriter writer;
  private long firstRowId;

  public RollingDataFile(WriteContext context, Location tableDir, List<LakeColumn> columns) {
    this(context, tableDir, columns, false);
  }

  /**
   * @param embeddedRowIds whether each batch ends with a row id vector to write into the files
   */
  public RollingDataFile(
      WriteContext context, Location tableDir, List<LakeColumn> columns, boolean embeddedRowIds) {
    this.context = context;
    this.tableDir = tableDir;
    this.columns = List.copyOf(columns);
    this.embeddedRowIds = embeddedRowIds;
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
        if (embeddedRowIds) {
          BigIntVector ids = (BigIntVector) batch.getVector(columns.size());
          for (int i = from; i < from + length; i++) {
            firstRowId = Math.min(firstRowId, ids.get(i));
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
    finished.accept(
        new PendingDataFile(
            name, w.close(), embeddedRowIds, embeddedRowIds ? firstRowId : 0, null, List.of()));
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
    firstRowId = Long.MAX_VALUE;
    writer =
        ArrowParquetWriter.open(
                context.store(),
                location,
                columns,
                context.options(),
                embeddedRowIds ? Set.of(DuckLakeSystemColumn.ROW_ID) : Set.of())
            .shredOn(context.executor(), context.threads());
  }
}
