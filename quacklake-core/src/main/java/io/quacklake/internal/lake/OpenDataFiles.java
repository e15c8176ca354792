package io.quacklake.internal.lake;

import io.quacklake.internal.txn.TableChanges;
import io.quacklake.internal.write.RollingDataFile;
import io.quacklake.internal.write.WriteContext;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The data file each table of a transaction appends to, kept open across appends so that an append
 * arriving batch by batch fills files up to the target size. Sealed — every open file finished and
 * registered with its table's changes — before the transaction does anything else (reads its own
 * writes, deletes, alters, commits); abandoned when it rolls back.
 */
final class OpenDataFiles {
  /** Keyed by the table's changes in this transaction (one per table). */
  private final Map<TableChanges, RollingDataFile> open = new IdentityHashMap<>();

  void append(TransactionTables.Target t, WriteContext context, VectorSchemaRoot batch) {
    open.computeIfAbsent(t.changes(), k -> new RollingDataFile(context, t.directory(), t.columns()))
        .write(batch, t.changes()::addFile);
  }

  /** Finishes every open file and registers it with its table's changes. */
  void seal() {
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
      throw failure;
    }
  }

  /** Gives every open file up. */
  void abandon() {
    open.values().forEach(RollingDataFile::abort);
    open.clear();
  }
}
