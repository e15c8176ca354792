package io.quacklake.internal.txn;

import java.util.Objects;

/** The changes of one snapshot committed by someone else after the transaction's base snapshot. */
record CommittedChanges(long snapshotId, ChangesMade changes) {
  public CommittedChanges {
    Objects.requireNonNull(changes, "changes is null");
  }

  /** Parses the snapshot's {@code changes_made} column ({@code null} means no changes). */
  public static CommittedChanges parse(long snapshotId, String changesMade) {
    return new CommittedChanges(snapshotId, ChangesMade.parse(changesMade));
  }
}
