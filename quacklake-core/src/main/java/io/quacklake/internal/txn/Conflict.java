package io.quacklake.internal.txn;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Why a commit cannot be applied on top of a concurrent snapshot: one of my changes and the change
 * of the snapshot it collides with.
 *
 * @param mine the change of the committing transaction
 * @param snapshotId the concurrent snapshot
 * @param theirs the change recorded by that snapshot
 * @param dataFileId the data file both deleted from, for a delete-versus-delete conflict
 */
record Conflict(Change mine, long snapshotId, Change theirs, OptionalLong dataFileId) {
  public Conflict {
    Objects.requireNonNull(mine, "mine is null");
    Objects.requireNonNull(theirs, "theirs is null");
    Objects.requireNonNull(dataFileId, "dataFileId is null");
  }

  Conflict(Change mine, long snapshotId, Change theirs) {
    this(mine, snapshotId, theirs, OptionalLong.empty());
  }

  /** One line naming both changes and telling the caller to retry. */
  public String message() {
    if (dataFileId.isPresent()) {
      long file = dataFileId.getAsLong();
      return String.format(
          "transaction deleted from data file %d of table %s but snapshot %d also deleted from or"
              + " dropped data file %d; retry the transaction",
          file, mine.value(), snapshotId, file);
    }
    return String.format(
        "transaction %s but snapshot %d %s; retry the transaction",
        mine.describe(), snapshotId, theirs.describe());
  }

  /** The exception to throw: kind {@link ErrorKind#CONFLICT}, nothing was written. */
  public QuacklakeException toException() {
    return new QuacklakeException(ErrorKind.CONFLICT, message());
  }
}
