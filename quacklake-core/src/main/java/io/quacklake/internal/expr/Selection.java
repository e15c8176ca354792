package io.quacklake.internal.expr;

import java.util.Arrays;

/** The rows of a batch a filter selected: ascending row indices {@code row(0) .. row(count-1)}. */
public final class Selection {
  private final int[] rows;
  private final int count;

  Selection(int[] rows, int count) {
    this.rows = rows;
    this.count = count;
  }

  /** Every row of a batch of {@code rowCount} rows. */
  public static Selection all(int rowCount) {
    int[] rows = new int[rowCount];
    for (int i = 0; i < rowCount; i++) {
      rows[i] = i;
    }
    return new Selection(rows, rowCount);
  }

  public int count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** The {@code i}-th selected row index, {@code 0 <= i < count()}. */
  public int row(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("selection index " + i + " of " + count);
    }
    return rows[i];
  }

  /** A copy of the selected row indices. */
  public int[] toArray() {
    return Arrays.copyOf(rows, count);
  }

  @Override
  public String toString() {
    return "Selection" + Arrays.toString(toArray());
  }
}
