package io.quacklake;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Appends many batches to one table of a {@link Transaction} ({@link Transaction#appender}),
 * filling data files up to the lake's target size rather than writing a file per batch — for loads
 * that arrive batch by batch (a file read row group by row group, a stream). Close it to make its
 * rows part of the transaction; the transaction also does so before anything else it does.
 */
public final class TableAppender implements AutoCloseable {
  private final Transaction transaction;
  private final String table;

  TableAppender(Transaction transaction, String table) {
    this.transaction = transaction;
    this.table = table;
  }

  /**
   * Appends the rows of a batch (columns matched by name, integer and float types widened, as
   * {@link Transaction#append}).
   *
   * @throws io.quacklake.exceptions.QuacklakeException as {@link Transaction#append}; a failure
   *     after rows of this appender reached a file leaves the transaction able only to roll back
   */
  public void append(VectorSchemaRoot batch) {
    transaction.appendOpen(table, batch);
  }

  /**
   * Finishes the open file and registers its rows with the transaction; nothing to do once the
   * transaction has ended (its commit registered them, a rollback gave them up).
   */
  @Override
  public void close() {
    transaction.sealAppends();
  }
}
