package io.quacklake.spark;

import io.quacklake.PartitionField;
import io.quacklake.TableName;
import io.quacklake.Transaction;
import io.quacklake.spark.convert.SparkTypes;
import io.quacklake.spark.write.QuacklakeWriteBuilder;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.StagedTable;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;

/**
 * A table being created by {@code CREATE TABLE ... AS SELECT} (or replaced by {@code REPLACE TABLE
 * ... AS SELECT}): the transaction that creates it also takes the job's files, so the table and its
 * rows appear in one DuckLake snapshot, or, when the job fails, not at all.
 */
final class StagedQuacklakeTable implements StagedTable, SupportsWrite {
  private final Transaction transaction;
  private final TableName name;
  private final List<LakeColumn> columns;
  private final List<PartitionField> partitioning;
  private final StorageSettings storage;

  StagedQuacklakeTable(
      Transaction transaction,
      TableName name,
      List<LakeColumn> columns,
      List<PartitionField> partitioning,
      StorageSettings storage) {
    this.transaction = transaction;
    this.name = name;
    this.columns = columns;
    this.partitioning = partitioning;
    this.storage = storage;
  }

  @Override
  public String name() {
    return name.toString();
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return SparkTypes.schema(columns);
  }

  @Override
  public Transform[] partitioning() {
    return QuacklakeTable.transforms(partitioning);
  }

  @Override
  public Set<TableCapability> capabilities() {
    return EnumSet.of(TableCapability.BATCH_WRITE, TableCapability.TRUNCATE);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return new QuacklakeWriteBuilder(null, name, storage, info, columns, partitioning)
        .staged(transaction);
  }

  @Override
  public void commitStagedChanges() {
    try (Transaction tx = transaction) {
      tx.commit();
    }
  }

  @Override
  public void abortStagedChanges() {
    try (Transaction tx = transaction) {
      tx.rollback();
    }
  }
}
