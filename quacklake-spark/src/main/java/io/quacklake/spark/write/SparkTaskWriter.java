package io.quacklake.spark.write;

import io.quacklake.TaskWriter;
import io.quacklake.WriteTask;
import io.quacklake.storage.StorageSettings;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * Writes one Spark task's rows (in the table's column order, as Spark projects them) into Parquet
 * files through a Quacklake {@link TaskWriter}, a batch at a time.
 */
final class SparkTaskWriter implements DataWriter<InternalRow> {
  private final TaskWriter writer;
  private final RowBuffer buffer;
  private final BufferAllocator allocator = new RootAllocator();

  SparkTaskWriter(WriteTask task, StorageSettings storage) {
    this.writer = task.open(storage);
    int[] ordinals = new int[task.columns().size()];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = i;
    }
    this.buffer = new RowBuffer(task.columns(), ordinals);
  }

  @Override
  public void write(InternalRow row) {
    buffer.add(row);
    if (buffer.full()) {
      flush();
    }
  }

  private void flush() {
    buffer.drainTo(allocator, writer::write);
  }

  @Override
  public WriterCommitMessage commit() {
    flush();
    return new FilesWritten(writer.finish());
  }

  @Override
  public void abort() {
    writer.abort();
  }

  @Override
  public void close() {
    try {
      writer.close();
    } finally {
      allocator.close();
    }
  }
}
