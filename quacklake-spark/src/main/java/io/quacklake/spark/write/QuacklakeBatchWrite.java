package io.quacklake.spark.write;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.TableName;
import io.quacklake.Transaction;
import io.quacklake.WriteTask;
import io.quacklake.WrittenDataFile;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.ColumnRef;
import io.quacklake.expr.CompareOp;
import io.quacklake.expr.Comparison;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.expr.IsNull;
import io.quacklake.expr.Literal;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.ValueText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * One Spark job's write as one DuckLake commit: the driver opens a transaction and plans the write,
 * executors write Parquet files, and the driver deletes what the write replaces and adds the files
 * every task reported, in one snapshot under the conflict rules. When the job fails, the
 * transaction is rolled back and deletes the files tasks had finished; a failed task deletes its
 * own. A staged write (create-table-as-select) adds its files to the transaction that creates the
 * table and leaves committing or rolling back to the staged table.
 */
final class QuacklakeBatchWrite implements BatchWrite {
  private final TableName table;
  private final Transaction transaction;
  private final WriteTask task;
  private final StorageSettings storage;
  private final WriteMode mode;
  private final List<LakeColumn> columns;
  private final List<PartitionField> partitioning;

  /** Whether this write commits its transaction (false: a staged table does). */
  private final boolean owned;

  QuacklakeBatchWrite(
      Lake lake,
      TableName table,
      StorageSettings storage,
      String queryId,
      WriteMode mode,
      List<LakeColumn> columns,
      List<PartitionField> partitioning) {
    this(lake.begin(), true, table, storage, queryId, mode, columns, partitioning);
  }

  /** An append into the table {@code staged} creates, committed by the staged table. */
  QuacklakeBatchWrite(
      Transaction staged,
      TableName table,
      StorageSettings storage,
      String queryId,
      List<LakeColumn> columns,
      List<PartitionField> partitioning) {
    this(staged, false, table, storage, queryId, WriteMode.APPEND, columns, partitioning);
  }

  private QuacklakeBatchWrite(
      Transaction transaction,
      boolean owned,
      TableName table,
      StorageSettings storage,
      String queryId,
      WriteMode mode,
      List<LakeColumn> columns,
      List<PartitionField> partitioning) {
    this.table = table;
    this.storage = storage;
    this.mode = mode;
    this.columns = columns;
    this.partitioning = partitioning;
    this.transaction = transaction;
    this.owned = owned;
    try {
      if (owned) {
        transaction.commitMessage(null, "Spark query " + queryId, null);
      }
      this.task = transaction.planWrite(table.toString());
      requireSameTable(task, columns, partitioning);
    } catch (RuntimeException e) {
      if (owned) {
        transaction.close();
      }
      throw e;
    }
  }

  /**
   * Spark lays out rows by the columns it loaded; a table altered since then would take values into
   * the wrong columns, so the write stops instead.
   */
  static void requireSameTable(
      WriteTask task, List<LakeColumn> columns, List<PartitionField> partitioning) {
    if (!task.columns().equals(columns) || !task.partitioning().equals(partitioning)) {
      throw new QuacklakeException(
          ErrorKind.CONFLICT,
          "table "
              + task.table()
              + " changed (columns or partitioning) after Spark planned the query; run it again");
    }
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
    ended = true;
    List<WrittenDataFile> files = files(messages);
    if (!owned) {
      try {
        transaction.addWrittenFiles(table.toString(), files);
      } catch (RuntimeException e) {
        transaction.discardWrite(task);
        throw e;
      }
      return;
    }
    try (Transaction tx = transaction) {
      try {
        replace(tx, files);
      } catch (RuntimeException e) {
        tx.discardWrite(task);
        throw e;
      }
      tx.addWrittenFiles(table.toString(), files);
      tx.commit();
    }
  }

  /** Deletes what the write replaces; before the files are added, so their rows stay. */
  private void replace(Transaction tx, List<WrittenDataFile> files) {
    switch (mode.kind()) {
      case TRUNCATE -> tx.delete(table.toString(), (Expression) null);
      case OVERWRITE -> tx.delete(table.toString(), mode.filter());
      case DYNAMIC -> {
        Expression replaced = partitionsOf(files);
        if (replaced != null || partitioning.isEmpty()) {
          tx.delete(table.toString(), partitioning.isEmpty() ? null : replaced);
        }
      }
      case APPEND -> {}
    }
  }

  /** Whether commit or abort ran: after a failed commit the transaction has cleaned up already. */
  private boolean ended;

  /** The rows of the partitions {@code files} fall in, or null when there are none. */
  private Expression partitionsOf(List<WrittenDataFile> files) {
    Set<List<String>> partitions = new LinkedHashSet<>();
    files.forEach(f -> partitions.add(f.partitionValues()));
    List<Expression> any = new ArrayList<>();
    for (List<String> values : partitions) {
      List<Expression> all = new ArrayList<>();
      for (int k = 0; k < partitioning.size(); k++) {
        LakeColumn column = column(partitioning.get(k).column());
        String v = values.get(k);
        all.add(
            v == null
                ? new IsNull(new ColumnRef(column.name()), false)
                : new Comparison(
                    CompareOp.EQ,
                    new ColumnRef(column.name()),
                    Literal.of(ValueText.parse(v, column))));
      }
      any.add(Expressions.and(all.toArray(new Expression[0])));
    }
    return any.isEmpty() ? null : Expressions.or(any.toArray(new Expression[0]));
  }

  private LakeColumn column(String name) {
    return columns.stream()
        .filter(c -> c.name().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no partition column " + name));
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    if (ended) {
      return;
    }
    ended = true;
    if (!owned) {
      transaction.discardWrite(task);
      return;
    }
    try (Transaction tx = transaction) {
      // every file tagged with this write, also those of tasks whose reports never arrived
      tx.discardWrite(task);
      tx.rollback();
    }
  }

  private static List<WrittenDataFile> files(WriterCommitMessage[] messages) {
    List<WrittenDataFile> out = new ArrayList<>();
    for (WriterCommitMessage m : messages) {
      if (m instanceof FilesWritten written) {
        out.addAll(written.files());
      }
    }
    return out;
  }
}
