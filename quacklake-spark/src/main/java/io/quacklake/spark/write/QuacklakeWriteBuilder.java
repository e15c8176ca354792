package io.quacklake.spark.write;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.TableName;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.spark.convert.SparkPredicates;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.util.List;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsDynamicOverwrite;
import org.apache.spark.sql.connector.write.SupportsOverwriteV2;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;

/**
 * Writes into a Quacklake table, each job one DuckLake commit: appends ({@code INSERT INTO}, {@code
 * writeTo(..).append()}, CTAS), {@code INSERT OVERWRITE} and {@code overwrite(condition)} (the rows
 * replaced are deleted in the same commit), and {@code overwritePartitions()} on tables partitioned
 * by identity keys.
 */
public final class QuacklakeWriteBuilder implements SupportsOverwriteV2, SupportsDynamicOverwrite {
  private final Lake lake;
  private final TableName table;
  private final StorageSettings storage;
  private final LogicalWriteInfo info;
  private final List<LakeColumn> columns;
  private final List<PartitionField> partitioning;
  private WriteMode mode = WriteMode.APPEND;
  private Transaction staged;

  public QuacklakeWriteBuilder(
      Lake lake,
      TableName table,
      StorageSettings storage,
      LogicalWriteInfo info,
      List<LakeColumn> columns,
      List<PartitionField> partitioning) {
    this.lake = lake;
    this.table = table;
    this.storage = storage;
    this.info = info;
    this.columns = columns;
    this.partitioning = partitioning;
  }

  /**
   * Writes into the table {@code transaction} creates: appends (or truncates, which for a new table
   * is the same), committed when the staged table is.
   */
  public QuacklakeWriteBuilder staged(Transaction transaction) {
    this.staged = transaction;
    return this;
  }

  @Override
  public boolean canOverwrite(Predicate[] predicates) {
    return SparkPredicates.convertAll(predicates, SparkPredicates.byName(columns)).converted();
  }

  @Override
  public WriteBuilder overwrite(Predicate[] predicates) {
    SparkPredicates.Conjunction c =
        SparkPredicates.convertAll(predicates, SparkPredicates.byName(columns));
    if (!c.converted()) {
      throw QuacklakeException.unsupported(
          "overwriting rows matching %s; Quacklake replaces rows by comparisons, IN and IS NULL"
              + " of top-level columns",
          List.of(predicates));
    }
    mode =
        c.expression() == null
            ? new WriteMode(WriteMode.Kind.TRUNCATE, null)
            : new WriteMode(WriteMode.Kind.OVERWRITE, c.expression());
    return this;
  }

  @Override
  public WriteBuilder truncate() {
    mode = new WriteMode(WriteMode.Kind.TRUNCATE, null);
    return this;
  }

  @Override
  public WriteBuilder overwriteDynamicPartitions() {
    if (partitioning.stream().anyMatch(f -> !f.transform().equals("identity"))) {
      throw QuacklakeException.unsupported(
          "dynamic partition overwrite of %s, which is partitioned by %s: only identity keys name"
              + " the partitions a row falls in; overwrite with a condition instead",
          table, partitioning);
    }
    mode = new WriteMode(WriteMode.Kind.DYNAMIC, null);
    return this;
  }

  @Override
  public Write build() {
    WriteMode chosen = mode;
    return new Write() {
      @Override
      public BatchWrite toBatch() {
        if (staged != null) {
          // a table being created is empty: truncating it (REPLACE ... AS SELECT) is appending
          if (chosen.kind() != WriteMode.Kind.APPEND && chosen.kind() != WriteMode.Kind.TRUNCATE) {
            throw QuacklakeException.unsupported(
                "%s of table %s while it is being created; only appends create a table",
                chosen.kind(), table);
          }
          return new QuacklakeBatchWrite(
              staged, table, storage, info.queryId(), columns, partitioning);
        }
        return new QuacklakeBatchWrite(
            lake, table, storage, info.queryId(), chosen, columns, partitioning);
      }

      @Override
      public String description() {
        return "Quacklake "
            + chosen.kind().name().toLowerCase(java.util.Locale.ROOT)
            + " of "
            + table;
      }
    };
  }
}
