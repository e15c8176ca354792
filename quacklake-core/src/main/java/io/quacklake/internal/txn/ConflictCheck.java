package io.quacklake.internal.txn;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.catalog.SnapshotWrites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@link ConflictRules} for a commit inside its catalog transaction: reads the change logs
 * committed since the base snapshot and, only when both sides deleted from one table, the data
 * files other commits deleted from.
 */
final class ConflictCheck {
  private ConflictCheck() {}

  /**
   * A transaction whose base snapshot, or a snapshot committed after it, was expired cannot be
   * checked: what it read may be gone and what happened since may be unknown.
   */
  private static QuacklakeException expired(long snapshot, long base) {
    return new QuacklakeException(
        ErrorKind.CONFLICT,
        "snapshot "
            + snapshot
            + (snapshot == base
                ? ", which this transaction reads,"
                : ", committed after this transaction began on snapshot " + base + ",")
            + " was expired before this commit could check it for conflicts; nothing was"
            + " committed: retry the transaction, or expire only snapshots older than the"
            + " longest transaction");
  }

  /** Throws a CONFLICT exception when the commit conflicts. */
  static void check(CatalogSession c, long base, CommitSummary mine) {
    List<CommittedChanges> others = new ArrayList<>();
    List<SnapshotRecord> fromBase = SnapshotWrites.since(c, base - 1);
    if (fromBase.isEmpty() || fromBase.get(0).snapshotId() != base) {
      throw expired(base, base);
    }
    long expected = base + 1;
    for (SnapshotRecord s : fromBase.subList(1, fromBase.size())) {
      if (s.snapshotId() != expected) {
        throw expired(expected, base);
      }
      expected++;
      others.add(CommittedChanges.parse(s.snapshotId(), s.changesMade()));
    }
    Map<Long, Long> concurrent = new HashMap<>();
    boolean[] loaded = {false};
    ConcurrentFileDeletes files =
        () -> {
          if (!loaded[0]) {
            loaded[0] = true;
            concurrent.putAll(FileGateway.deletedSince(c, base));
          }
          return concurrent;
        };
    Optional<Conflict> conflict = ConflictRules.check(mine.forConflictCheck(), others, files);
    if (conflict.isPresent()) {
      throw conflict.get().toException();
    }
  }
}
