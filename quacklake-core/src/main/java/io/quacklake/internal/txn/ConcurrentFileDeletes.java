package io.quacklake.internal.txn;

import java.util.Map;

/**
 * The data files other commits deleted from since the transaction's base snapshot, consulted only
 * when both sides deleted from the same table. DuckDB's rule counts a data file when a delete file
 * for it begins after the base snapshot, or the data file itself ends after the base snapshot;
 * inlined file deletions are not counted.
 */
@FunctionalInterface
interface ConcurrentFileDeletes {
  /**
   * Data file id → the snapshot that added a delete file to it or ended it (the earliest, when
   * several did). Called at most once per conflict check.
   */
  Map<Long, Long> deletedDataFiles();

  /** No data file was deleted from concurrently. */
  static ConcurrentFileDeletes none() {
    return Map::of;
  }

  static ConcurrentFileDeletes of(Map<Long, Long> deletedDataFiles) {
    Map<Long, Long> copy = Map.copyOf(deletedDataFiles);
    return () -> copy;
  }
}
