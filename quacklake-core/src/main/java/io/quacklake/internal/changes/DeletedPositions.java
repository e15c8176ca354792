package io.quacklake.internal.changes;

import java.util.Arrays;

/**
 * The positions of one data file deleted by its delete files and catalog-recorded deletes, each
 * with the first snapshot that deleted it: two primitive arrays sorted by position, 16 bytes a
 * position.
 */
final class DeletedPositions {
  private long[] positions = new long[16];
  private long[] snapshots = new long[16];
  private int size;
  private boolean sealed = true;

  /** Records that {@code snapshot} deleted {@code position}; the earliest snapshot wins. */
  void add(long position, long snapshot) {
    if (size == positions.length) {
      positions = Arrays.copyOf(positions, size * 2);
      snapshots = Arrays.copyOf(snapshots, size * 2);
    }
    positions[size] = position;
    snapshots[size] = snapshot;
    size++;
    sealed = false;
  }

  /** The first snapshot that deleted {@code position}, or -1 when none did. */
  long at(long position) {
    seal();
    int i = Arrays.binarySearch(positions, 0, size, position);
    return i < 0 ? -1 : snapshots[i];
  }

  /** Whether some position was first deleted in {@code from..to}. */
  boolean anyIn(long from, long to) {
    seal();
    for (int i = 0; i < size; i++) {
      if (snapshots[i] >= from && snapshots[i] <= to) {
        return true;
      }
    }
    return false;
  }

  private void seal() {
    if (sealed) {
      return;
    }
    long[] unique = Arrays.copyOf(positions, size);
    Arrays.sort(unique);
    int n = 0;
    for (int i = 0; i < unique.length; i++) {
      if (n == 0 || unique[n - 1] != unique[i]) {
        unique[n++] = unique[i];
      }
    }
    long[] first = new long[n];
    Arrays.fill(first, Long.MAX_VALUE);
    for (int i = 0; i < size; i++) {
      int k = Arrays.binarySearch(unique, 0, n, positions[i]);
      first[k] = Math.min(first[k], snapshots[i]);
    }
    positions = Arrays.copyOf(unique, Math.max(16, n));
    snapshots = Arrays.copyOf(first, positions.length);
    size = n;
    sealed = true;
  }
}
