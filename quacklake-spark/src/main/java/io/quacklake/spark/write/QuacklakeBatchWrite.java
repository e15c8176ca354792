package io.quacklake.spark.write;

import io.quacklake.Lake;
import io.quacklake.TableName;
import io.quacklake.Transaction;
import io.quacklake.WriteTask;
import io.quacklake.storage.StorageSettings;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * One Spark job's append as one DuckLake commit: the driver opens a transaction and plans the
 * write, executors write Parquet files, and the driver commits the files every task reported, in
 * one snapshot under the conflict rules. When the job fails, the transaction is rolled back and
 * deletes the files tasks had finished; a failed task deletes its own.
 */
final class QuacklakeBatchWrite implements BatchWrite {
  private final TableName table;
  private final Transaction transaction;
  private final WriteTask task;
  private final StorageSettings storage;

  QuacklakeBatchWrite(Lake lake, TableName table, StorageSettings storage, String queryId) {
    this.table = table;
    this.storage = storage;
    this.transaction = lake.begin();
    this.transaction.commitMessage(null, "Spark query " + queryId, null);
    this.task = transaction.planWrite(table.toString());
  }

  @Override
  public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    return new TaskWriterFactory(task, storage);
  }

  @Override
  public boolean useCommitCoordinator() {
    return true;
  }

  @Override
  public void commit(WriterCommitMessage[] messages) {
    try (Transaction tx = transaction) {
      add(messages);
      tx.commit();
    }
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    try (Transaction tx = transaction) {
      add(messages);
      tx.rollback();
    }
  }

  private void add(WriterCommitMessage[] messages) {
    for (WriterCommitMessage m : messages) {
      if (m instanceof FilesWritten files) {
        transaction.addWrittenFiles(table.toString(), files.files());
      }
    }
  }
}
