package io.quacklake;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.lake.PartitionSpec;
import io.quacklake.internal.parquet.DuckLakeSystemColumn;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.internal.write.BatchAligner;
import io.quacklake.internal.write.PartitionKey;
import io.quacklake.internal.write.PartitionedDataFiles;
import io.quacklake.internal.write.PendingDataFile;
import io.quacklake.internal.write.RollingDataFile;
import io.quacklake.internal.write.WriteContext;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.StorageSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes Parquet data files for a {@link WriteTask} on a worker, as a transaction's appends write
 * them (field ids, statistics, partition directories, target file size). Files stay open across
 * {@link #write} calls until they reach the target size, so many small batches make few files.
 * Nothing is visible until the planning transaction adds the {@link #finish() finished} files and
 * commits; {@link #abort()} deletes what was written. Not thread-safe.
 */
public final class TaskWriter implements AutoCloseable {
  private final WriteTask task;
  private final ObjectStore store;
  private final BufferAllocator allocator;
  private final List<Location> created = new ArrayList<>();
  private final List<WrittenDataFile> written = new ArrayList<>();
  private final List<PartitionKey> keys;
  private final WriteContext context;
  private final PartitionedDataFiles rows;
  private final RollingDataFile versions;
  private final Instant started = Instant.now();
  private boolean closed;

  TaskWriter(WriteTask task, StorageSettings storage) {
    this.task = task;
    this.keys = PartitionSpec.keys(task.columns(), task.partitioning(), 0);
    this.store = ObjectStores.forLocation(task.dataRoot(), storage);
    this.allocator = new RootAllocator();
    Executor direct = Runnable::run;
    this.context =
        new WriteContext(
            store, task.options(), task.targetFileSize(), created::add, direct, 1, task.writeId());
    this.rows =
        new PartitionedDataFiles(context, task.directory(), task.columns(), keys, allocator);
    this.versions = new RollingDataFile(context, task.directory(), task.columns(), true);
  }

  /**
   * Writes a batch whose columns are the table's, by name (any order; a missing column is NULL);
   * the caller keeps ownership of {@code batch}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a column the table does not have or a value
   *     that does not fit
   */
  public void write(VectorSchemaRoot batch) {
    open();
    if (batch.getRowCount() == 0) {
      return;
    }
    try (BatchAligner.Aligned a =
        BatchAligner.align(task.table(), batch, task.columns(), allocator)) {
      rows.write(a.root(), this::add);
    }
  }

  /**
   * Writes new versions of rows the planning transaction {@link Transaction#deleteRows deletes},
   * keeping their row ids as DuckDB's updates do: the batch holds the table's columns by name and a
   * non-null BIGINT column {@value TableScan#ROW_ID_COLUMN} with each row's id. The files are not
   * split by partition (neither are DuckDB's update files). The caller keeps ownership of {@code
   * batch}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the row id column is missing or holds a NULL,
   *     or as {@link #write}
   */
  public void writeRowVersions(VectorSchemaRoot batch) {
    open();
    if (batch.getRowCount() == 0) {
      return;
    }
    int rows = batch.getRowCount();
    FieldVector idVector = batch.getVector(TableScan.ROW_ID_COLUMN);
    if (!(idVector instanceof BigIntVector ids) || ids.getNullCount() > 0) {
      throw QuacklakeException.invalid(
          "new row versions for %s need a non-null BIGINT column %s with the rows' ids",
          task.table(), TableScan.ROW_ID_COLUMN);
    }
    List<FieldVector> data = new ArrayList<>(batch.getFieldVectors());
    data.remove(ids);
    VectorSchemaRoot values = new VectorSchemaRoot(data);
    values.setRowCount(rows);
    try (BatchAligner.Aligned a =
            BatchAligner.align(task.table(), values, task.columns(), allocator);
        BigIntVector kept = new BigIntVector(DuckLakeSystemColumn.ROW_ID.columnName(), allocator)) {
      kept.allocateNew(rows);
      for (int r = 0; r < rows; r++) {
        kept.set(r, ids.get(r));
      }
      kept.setValueCount(rows);
      List<FieldVector> all = new ArrayList<>(a.root().getFieldVectors());
      all.add(kept);
      VectorSchemaRoot withIds = new VectorSchemaRoot(all);
      withIds.setRowCount(rows);
      versions.write(withIds, this::add);
    }
  }

  private void add(PendingDataFile file) {
    written.add(new WrittenDataFile(task.tableId(), file, started));
  }

  /** Finishes the open files and returns every file written; the writer is closed afterwards. */
  public List<WrittenDataFile> finish() {
    open();
    try {
      rows.finish(this::add);
      versions.finish(this::add);
    } finally {
      close();
    }
    return List.copyOf(written);
  }

  /** Deletes every file this writer created and closes it. */
  public void abort() {
    QuacklakeException failure = null;
    try {
      for (Location l : List.copyOf(created)) {
        try {
          store.delete(l);
        } catch (IOException e) {
          if (failure == null) {
            failure =
                new QuacklakeException(
                    ErrorKind.UNAVAILABLE, "cannot delete " + l + " after an aborted write", e);
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    } finally {
      close();
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes the writer; files still open are given up (their rows are not in {@link #finish}). */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        rows.abort();
      } finally {
        try {
          versions.abort();
        } finally {
          try {
            allocator.close();
          } finally {
            store.close();
          }
        }
      }
    }
  }

  private void open() {
    if (closed) {
      throw QuacklakeException.invalid("this writer for %s is closed", task.table());
    }
  }
}
