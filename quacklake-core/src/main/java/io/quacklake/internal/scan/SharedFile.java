package io.quacklake.internal.scan;

import io.quacklake.internal.parquet.FooterCache;
import io.quacklake.internal.parquet.RowGroupShare;
import io.quacklake.storage.ObjectStore;

/**
 * One data file of a scan that several workers may read together, each taking whole row groups: the
 * file's task, its row-group share and its deleted positions, computed once.
 */
final class SharedFile {
  private final FileTask task;
  private final RowGroupShare rowGroups;
  private long[] deleted;

  SharedFile(FileTask task, FooterCache footers) {
    this.task = task;
    this.rowGroups =
        new RowGroupShare(
            task.rowGroupFrom(),
            task.rowGroupTo(),
            footers,
            task.location(),
            task.file().fileSizeBytes());
  }

  FileTask task() {
    return task;
  }

  RowGroupShare rowGroups() {
    return rowGroups;
  }

  /** The positions deleted at {@code snapshot}; read from storage by the first caller only. */
  synchronized long[] deleted(long snapshot, ObjectStore store) {
    if (deleted == null) {
      deleted = DeletedPositions.of(task, snapshot, store);
    }
    return deleted;
  }
}
