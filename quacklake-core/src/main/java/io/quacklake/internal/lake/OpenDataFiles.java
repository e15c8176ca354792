package io.quacklake.internal.lake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.txn.TableChanges;
import io.quacklake.internal.write.RollingDataFile;
import io.quacklake.internal.write.WriteContext;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The data file each table of a transaction's appenders writes to, kept open across batches so that
 * rows arriving batch by batch fill files up to the target size. Sealed — every open file finished
 * and registered with its table's changes — before the transaction does anything else (reads its
 * own writes, deletes, alters, commits); abandoned when it rolls back. A write that fails after
 * rows reached an open file loses them: the transaction then refuses everything but a rollback.
 */
final class OpenDataFiles {
  /** Keyed by the table's changes in this transaction (one per table). */
  private final Map<TableChanges, RollingDataFile> open = new IdentityHashMap<>();

  private RuntimeException failed;

  void append(TransactionTables.Target t, WriteContext context, VectorSchemaRoot batch) {
    refuseAfterFailure();
    RollingDataFile file =
        open.computeIfAbsent(
            t.changes(), k -> new RollingDataFile(context, t.directory(), t.columns()));
    try {
      file.write(batch, t.changes()::addFile);
    } catch (RuntimeException e) {
      failed = e;
      abandon();
      throw e;
    }
  }

  /** Finishes every open file and registers it with its table's changes. */
  void seal() {
    refuseAfterFailure();
    if (open.isEmpty()) {
      return;
    }
    RuntimeException failure = null;
    for (Map.Entry<TableChanges, RollingDataFile> e : open.entrySet()) {
      try {
        if (failure == null) {
          e.getValue().finish(e.getKey()::addFile);
        } else {
          e.getValue().abort();
        }
      } catch (RuntimeException x) {
        failure = x;
      }
    }
    open.clear();
    if (failure != null) {
      failed = failure;
      throw failure;
    }
  }

  /** Gives every open file up. */
  void abandon() {
    for (RollingDataFile f : open.values()) {
      try {
        f.abort();
      } catch (RuntimeException e) {
        // the other files are still given up; the store's own cleanup removes what is left
      }
    }
    open.clear();
  }

  private void refuseAfterFailure() {
    if (failed != null) {
      throw QuacklakeException.invalid(
          "an appender of this transaction failed after some of its rows were written (%s); those"
              + " rows are lost, so the transaction cannot commit: roll it back and append again",
          failed.getMessage());
    }
  }
}
