package io.quacklake.internal.expr;

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
