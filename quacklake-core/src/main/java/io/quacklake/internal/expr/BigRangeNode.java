package io.quacklake.internal.expr;

import java.math.BigInteger;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code lo <= key <= hi} on a {@link KeySpace.Family#BIG} column (HUGEINT, UHUGEINT, wide DECIMAL,
 * INTERVAL), or its complement among non-NULL rows when {@code negated}.
 */
record BigRangeNode(ColumnSlot column, BigInteger lo, BigInteger hi, boolean negated)
    implements Node {
  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    FieldVector v = vectors[column.slot()];
    BigReader r = BigReader.of(v, column);
    int k = 0;
    for (int i = 0; i < n; i++) {
      int row = rows[i];
      if (v.isNull(row)) {
        continue;
      }
      BigInteger x = r.get(row);
      if ((x.compareTo(lo) >= 0 && x.compareTo(hi) <= 0) != negated) {
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
    BigInteger min = StatsKeys.bigKey(s.min(), column.space(), false);
    BigInteger max = StatsKeys.bigKey(s.max(), column.space(), true);
    if (negated) {
      return min == null || max == null || min.compareTo(lo) < 0 || max.compareTo(hi) > 0;
    }
    return (max == null || max.compareTo(lo) >= 0) && (min == null || min.compareTo(hi) <= 0);
  }

  @Override
  public String toString() {
    return (negated ? "NOT " : "") + column + " IN [" + lo + ", " + hi + "]";
  }
}
