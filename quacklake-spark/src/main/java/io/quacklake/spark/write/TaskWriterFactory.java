package io.quacklake.spark.write;

import io.quacklake.WriteTask;
import io.quacklake.storage.StorageSettings;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;

/** Creates a writer per Spark task on the executors. */
record TaskWriterFactory(WriteTask task, StorageSettings storage) implements DataWriterFactory {
  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
    return new SparkTaskWriter(task, storage);
  }
}
