package io.quacklake;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.lake.PartitionSpec;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.internal.write.BatchAligner;
import io.quacklake.internal.write.DataFileWriter;
import io.quacklake.internal.write.PartitionKey;
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
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes Parquet data files for a {@link WriteTask} on a worker, as a transaction's appends write
 * them (field ids, statistics, partition directories, target file size). Nothing is visible until
 * the planning transaction adds the {@link #finish() finished} files and commits; {@link #abort()}
 * deletes what was written. Not thread-safe.
 */
public final class TaskWriter implements AutoCloseable {
  private final WriteTask task;
  private final ObjectStore store;
  private final BufferAllocator allocator;
  private final List<Location> created = new ArrayList<>();
  private final List<WrittenDataFile> written = new ArrayList<>();
  private final List<PartitionKey> keys;
  private final WriteContext context;
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
      DataFileWriter.writePartitioned(
          context,
          task.directory(),
          task.columns(),
          keys,
          a.root(),
          allocator,
          f -> written.add(new WrittenDataFile(task.tableId(), f, started)));
    }
  }

  /** The files written so far; the writer is closed afterwards. */
  public List<WrittenDataFile> finish() {
    open();
    close();
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

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        allocator.close();
      } finally {
        store.close();
      }
    }
  }

  private void open() {
    if (closed) {
      throw QuacklakeException.invalid("this writer for %s is closed", task.table());
    }
  }
}
