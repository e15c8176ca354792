package io.quacklake;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows of one table named by where a scan {@link TableScan#withRowLocations() with row locations}
 * found them: positions in data files, and the row ids of rows inlined in the catalog. Workers
 * collect them and send them to the transaction that deletes the rows ({@link
 * Transaction#deleteRows}); {@link Serializable} for that, compact (eight bytes a row). Not
 * thread-safe.
 */
public final class RowLocations implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<Long, Longs> files = new TreeMap<>();
  private final Longs inlined = new Longs();

  /**
   * Adds a row as the location columns of a scan give it.
   *
   * @param dataFileId the data file, or null for a row inlined in the catalog
   * @param position the row's 0-based position in the file (ignored for an inlined row)
   */
  public void add(long rowId, Long dataFileId, long position) {
    if (dataFileId == null) {
      inlined.add(rowId);
    } else {
      files.computeIfAbsent(dataFileId, k -> new Longs()).add(position);
    }
  }

  /** Adds every row of {@code other}. */
  public void addAll(RowLocations other) {
    other.files.forEach((file, p) -> files.computeIfAbsent(file, k -> new Longs()).addAll(p));
    inlined.addAll(other.inlined);
  }

  /** How many rows were added (a row added twice counts twice). */
  public long size() {
    long n = inlined.size;
    for (Longs p : files.values()) {
      n += p.size;
    }
    return n;
  }

  /** Data file id → the positions added in it, sorted, without repeats. */
  public Map<Long, long[]> filePositions() {
    Map<Long, long[]> out = new TreeMap<>();
    files.forEach((file, p) -> out.put(file, p.sortedDistinct()));
    return Collections.unmodifiableMap(out);
  }

  /** The row ids of inlined rows, sorted, without repeats. */
  public long[] inlinedRowIds() {
    return inlined.sortedDistinct();
  }

  /** A growable array of longs. */
  private static final class Longs implements Serializable {
    private static final long serialVersionUID = 1L;
    private long[] values = new long[8];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    void addAll(Longs other) {
      for (int i = 0; i < other.size; i++) {
        add(other.values[i]);
      }
    }

    long[] sortedDistinct() {
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int n = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (n == 0 || sorted[i] != sorted[n - 1]) {
          sorted[n++] = sorted[i];
        }
      }
      return Arrays.copyOf(sorted, n);
    }
  }
}
