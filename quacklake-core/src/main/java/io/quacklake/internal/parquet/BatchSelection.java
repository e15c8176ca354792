package io.quacklake.internal.parquet;

import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;

/**
 * Decides which rows of a decoded batch survive: not at a deleted position and, in a partial file,
 * not written after the requested snapshot. Batches must be asked for in ascending position order.
 */
final class BatchSelection {
  private final long[] deleted;
  private final BigIntVector snapshots;
  private final long maxSnapshot;
  private final int[] selected;
  private int cursor;

  BatchSelection(long[] deleted, BigIntVector snapshots, long maxSnapshot, int batchSize) {
    this.deleted = deleted;
    this.snapshots = snapshots;
    this.maxSnapshot = maxSnapshot;
    this.selected = new int[batchSize];
  }

  /**
   * Selects the survivors among {@code rows} rows starting at file position {@code start}.
   *
   * @return how many survive; when fewer than {@code rows}, {@link #selected()} lists their batch
   *     indexes
   */
  int select(long start, int rows) {
    while (cursor < deleted.length && deleted[cursor] < start) {
      cursor++;
    }
    boolean anyDeleted = cursor < deleted.length && deleted[cursor] < start + rows;
    if (!anyDeleted && snapshots == null) {
      return rows;
    }
    int kept = 0;
    for (int i = 0; i < rows; i++) {
      long position = start + i;
      if (cursor < deleted.length && deleted[cursor] == position) {
        cursor++;
        continue;
      }
      if (snapshots != null && !snapshots.isNull(i) && snapshots.get(i) > maxSnapshot) {
        continue;
      }
      selected[kept++] = i;
    }
    return kept;
  }

  int[] selected() {
    return selected;
  }

  /** How many deleted positions fall in {@code [from, to)}. */
  long deletedIn(long from, long to) {
    return lowerBound(to) - lowerBound(from);
  }

  private int lowerBound(long position) {
    int i = Arrays.binarySearch(deleted, position);
    return i >= 0 ? i : -i - 1;
  }
}
