package io.quacklake.internal.expr;

import java.util.Objects;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code lo <= key <= hi} on a {@link KeySpace.Family#LONG} column, or its complement among
 * non-NULL rows when {@code negated}. Every comparison with a constant reduces to this form.
 */
record LongRangeNode(ColumnSlot column, long lo, long hi, boolean negated) implements Node {
  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    FieldVector v = vectors[column.slot()];
    LongReader r = LongReader.of(v, column);
    boolean nulls = v.getNullCount() > 0;
    if (!nulls && !negated) {
      int width = LongReader.signedWidth(v, column);
      if (width == 4) {
        return inIntRange(v, rows, n);
      }
      if (width == 8) {
        return inLongRange(v, rows, n);
      }
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      int row = rows[i];
      if (nulls && v.isNull(row)) {
        continue;
      }
      long x = r.get(row);
      if ((x >= lo && x <= hi) != negated) {
        rows[k++] = row;
      }
    }
    return k;
  }

  /** The rows of a null-free signed 32-bit column in range, in one loop the compiler can unroll. */
  private int inIntRange(FieldVector v, int[] rows, int n) {
    long a = v.getDataBuffer().memoryAddress();
    int count = v.getValueCount();
    int k = 0;
    for (int i = 0; i < n; i++) {
      int row = rows[i];
      long x = MemoryUtil.getInt(a + 4L * Objects.checkIndex(row, count));
      if (x >= lo && x <= hi) {
        rows[k++] = row;
      }
    }
    return k;
  }

  /** As {@link #inIntRange} for a signed 64-bit column. */
  private int inLongRange(FieldVector v, int[] rows, int n) {
    long a = v.getDataBuffer().memoryAddress();
    int count = v.getValueCount();
    int k = 0;
    for (int i = 0; i < n; i++) {
      int row = rows[i];
      long x = MemoryUtil.getLong(a + 8L * Objects.checkIndex(row, count));
      if (x >= lo && x <= hi) {
        rows[k++] = row;
      }
    }
    return k;
  }

  @Override
  public boolean mightMatch(StatsSource source) {
    if (column.allNull(source)) {
      return false;
    }
    ColumnStats s = column.stats(source);
    Long min = StatsKeys.longKey(s.min(), column.space(), false);
    Long max = StatsKeys.longKey(s.max(), column.space(), true);
    if (negated) {
      return min == null || max == null || min < lo || max > hi;
    }
    return (max == null || max >= lo) && (min == null || min <= hi);
  }

  @Override
  public String toString() {
    return (negated ? "NOT " : "") + column + " IN [" + lo + ", " + hi + "]";
  }
}
