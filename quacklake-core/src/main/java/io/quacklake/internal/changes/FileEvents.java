package io.quacklake.internal.changes;

import io.quacklake.internal.catalog.ChangeGateway;
import io.quacklake.internal.catalog.DataFileRecord;

/**
 * Which rows of one data file the feed reports and at which snapshots, decided row by row from the
 * row's position and recorded snapshot: an insertion when the file was added in the range (in a
 * partial file, when the row's own snapshot is in it), a deletion when the row's first delete — a
 * delete file, a catalog-recorded delete, or the file's removal — is in the range.
 */
final class FileEvents {
  private final ChangeGateway.DataFile file;
  private final long from;
  private final long to;
  private final boolean insertions;
  private final DeletedPositions deleted;
  private final long droppedAt;

  /**
   * @param deleted the file's deleted positions with their first snapshots at or before {@code to}
   */
  FileEvents(ChangeGateway.DataFile file, long from, long to, DeletedPositions deleted) {
    this.file = file;
    this.from = from;
    this.to = to;
    this.deleted = deleted;
    DataFileRecord d = file.file();
    Long partialMax = d.partialMax();
    this.insertions =
        d.beginSnapshot() <= to
            && (d.beginSnapshot() >= from || (partialMax != null && partialMax >= from));
    Long end = file.endSnapshot();
    this.droppedAt = end != null && end <= to ? end : -1;
  }

  ChangeGateway.DataFile file() {
    return file;
  }

  /** Whether any row of the file may be inserted or deleted in the range. */
  boolean relevant() {
    return insertions || (droppedAt >= from && droppedAt <= to) || deleted.anyIn(from, to);
  }

  /**
   * The snapshot that inserted the row in the range, or -1.
   *
   * @param recorded the snapshot the file records for the row, or -1 when it records none
   */
  long insertedAt(long recorded) {
    if (!insertions) {
      return -1;
    }
    long snapshot = recorded >= 0 ? recorded : file.file().beginSnapshot();
    if (file.file().partialMax() != null && (snapshot > to || snapshot < from)) {
      return -1;
    }
    return snapshot;
  }

  /** The snapshot that first deleted the row at {@code position}, if in the range, else -1. */
  long deletedAt(long position) {
    long snapshot = deleted.at(position);
    if (droppedAt >= 0 && (snapshot < 0 || droppedAt < snapshot)) {
      snapshot = droppedAt;
    }
    return snapshot >= from && snapshot <= to ? snapshot : -1;
  }
}
