package io.quacklake.internal.txn;

/**
 * One table's maintenance change inside a commit (a flush of inlined data, a merge of adjacent
 * files, a rewrite of deleted rows): its files are written before the commit, its catalog rows are
 * written by {@link #apply} under the catalog's write lock, where it must first check that what it
 * planned on is still there.
 */
public interface MaintenanceStep {
  /** The change-log token a step logs. */
  enum Kind {
    FLUSH_INLINED,
    MERGE_ADJACENT,
    REWRITE_DELETES
  }

  Kind kind();

  long tableId();

  /**
   * Writes the step's catalog rows.
   *
   * @throws io.quacklake.exceptions.QuacklakeException CONFLICT when a concurrent commit changed
   *     the files the step planned on
   */
  void apply(MaintenanceCommit commit);
}
