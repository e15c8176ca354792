package io.quacklake.spark.write;

import io.quacklake.TaskWriter;
import io.quacklake.WriteTask;
import io.quacklake.spark.convert.SparkTypes;
import io.quacklake.spark.convert.SparkValues;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.DataType;

/**
 * Writes one Spark task's rows (in the table's column order, as Spark projects them) into Parquet
 * files through a Quacklake {@link TaskWriter}, a batch at a time.
 */
final class SparkTaskWriter implements DataWriter<InternalRow> {
  private static final int BATCH_ROWS = 8192;

  private final TaskWriter writer;
  private final List<LakeColumn> columns;
  private final DataType[] types;
  private final BufferAllocator allocator = new RootAllocator();
  private final List<Object[]> pending = new ArrayList<>();

  SparkTaskWriter(WriteTask task, StorageSettings storage) {
    this.writer = task.open(storage);
    this.columns = task.columns();
    this.types = new DataType[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = SparkTypes.type(columns.get(i));
    }
  }

  @Override
  public void write(InternalRow row) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] =
          row.isNullAt(i) ? null : SparkValues.fromSpark(row.get(i, types[i]), columns.get(i));
    }
    pending.add(values);
    if (pending.size() >= BATCH_ROWS) {
      flush();
    }
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    try (VectorSchemaRoot batch = ArrowRows.of(columns, pending, allocator)) {
      writer.write(batch);
    }
    pending.clear();
  }

  @Override
  public WriterCommitMessage commit() {
    flush();
    return new FilesWritten(writer.finish());
  }

  @Override
  public void abort() {
    pending.clear();
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
