package io.quacklake.spark.write;

import io.quacklake.WriteTask;
import io.quacklake.storage.StorageSettings;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DeltaWriter;
import org.apache.spark.sql.connector.write.DeltaWriterFactory;

/** Creates a row-level operation's writer per Spark task on the executors. */
record DeltaTaskWriterFactory(WriteTask task, StorageSettings storage, DeltaLayout layout)
    implements DeltaWriterFactory {
  @Override
  public DeltaWriter<InternalRow> createWriter(int partitionId, long taskId) {
    return new SparkDeltaWriter(task, storage, layout);
  }
}
