package io.quacklake.internal.expr;

import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code key IN (values)} on a {@link KeySpace.Family#LONG} column, or {@code NOT IN} among
 * non-NULL rows when {@code negated}.
 *
 * @param values sorted, distinct keys
 */
record LongSetNode(ColumnSlot column, long[] values, boolean negated) implements Node {
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
      if ((Arrays.binarySearch(values, r.get(row)) >= 0) != negated) {
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
    if (min == null || max == null) {
      return true;
    }
    if (negated) {
      return !(min.equals(max) && Arrays.binarySearch(values, min) >= 0);
    }
    int at = Arrays.binarySearch(values, min);
    int next = at >= 0 ? at : -at - 1;
    return next < values.length && values[next] <= max;
  }

  @Override
  public String toString() {
    return column + (negated ? " NOT IN " : " IN ") + Arrays.toString(values);
  }
}
