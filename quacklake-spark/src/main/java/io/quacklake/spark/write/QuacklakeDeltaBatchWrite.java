package io.quacklake.spark.write;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.RowLocations;
import io.quacklake.TableName;
import io.quacklake.TableScan;
import io.quacklake.Transaction;
import io.quacklake.WriteTask;
import io.quacklake.WrittenDataFile;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.connector.write.DeltaBatchWrite;
import org.apache.spark.sql.connector.write.DeltaWriterFactory;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A row-level operation ({@code DELETE}, {@code UPDATE}, {@code MERGE INTO}) as one DuckLake
 * commit: the driver opens a transaction at the snapshot the operation scanned, executors report
 * the rows they deleted by location and write new row versions (keeping row ids) and inserted rows,
 * and the driver commits it all under the conflict rules against every commit since that snapshot.
 * A failed job commits nothing and deletes the files its tasks wrote.
 */
final class QuacklakeDeltaBatchWrite implements DeltaBatchWrite {
  private final TableName table;
  private final Transaction transaction;
  private final WriteTask task;
  private final StorageSettings storage;
  private final DeltaLayout layout;
  private boolean ended;

  QuacklakeDeltaBatchWrite(
      Lake lake,
      TableName table,
      long snapshotId,
      StorageSettings storage,
      LogicalWriteInfo info,
      String command,
      List<LakeColumn> columns,
      List<PartitionField> partitioning) {
    this.table = table;
    this.storage = storage;
    this.transaction = lake.begin(snapshotId);
    try {
      transaction.commitMessage(null, "Spark " + command + " " + info.queryId(), null);
      this.task = transaction.planWrite(table.toString());
      QuacklakeBatchWrite.requireSameTable(task, columns, partitioning);
      List<String> metadata = names(info.metadataSchema().orElse(new StructType()));
      this.layout =
          new DeltaLayout(
              RowBuffer.ordinals(columns, names(info.schema())),
              metadata.indexOf(TableScan.DATA_FILE_ID_COLUMN),
              metadata.indexOf(TableScan.FILE_POSITION_COLUMN));
      if (layout.fileIdOrdinal() < 0 || layout.positionOrdinal() < 0) {
        throw new IllegalStateException("Spark did not pass the row locations: " + metadata);
      }
    } catch (RuntimeException e) {
      transaction.close();
      throw e;
    }
  }

  private static List<String> names(StructType schema) {
    return Arrays.stream(schema.fields()).map(StructField::name).toList();
  }

  @Override
  public DeltaWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    return new DeltaTaskWriterFactory(task, storage, layout);
  }

  @Override
  public boolean useCommitCoordinator() {
    return true;
  }

  @Override
  public void commit(WriterCommitMessage[] messages) {
    ended = true;
    RowLocations deleted = new RowLocations();
    List<WrittenDataFile> files = new ArrayList<>();
    for (WriterCommitMessage m : messages) {
      if (m instanceof RowsChanged changed) {
        deleted.addAll(changed.deleted());
        files.addAll(changed.files());
      }
    }
    try (Transaction tx = transaction) {
      try {
        tx.deleteRows(table.toString(), deleted);
      } catch (RuntimeException e) {
        tx.discardWrite(task);
        throw e;
      }
      tx.addWrittenFiles(table.toString(), files);
      tx.commit();
    }
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    if (ended) {
      return;
    }
    ended = true;
    try (Transaction tx = transaction) {
      tx.discardWrite(task);
      tx.rollback();
    }
  }
}
