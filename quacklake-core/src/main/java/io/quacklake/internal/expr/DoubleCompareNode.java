package io.quacklake.internal.expr;

import io.quacklake.expr.CompareOp;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;

/**
 * {@code column op constant} on a FLOAT or DOUBLE column in DuckDB's total order: {@code -0.0 =
 * 0.0}, NaN equals NaN and is greater than every other value, infinity included.
 */
record DoubleCompareNode(ColumnSlot column, CompareOp op, double constant) implements Node {
  /** DuckDB's comparison of two doubles. */
  static int compare(double a, double b) {
    if (a < b) {
      return -1;
    } else if (a > b) {
      return 1;
    } else if (a == b) {
      return 0;
    }
    boolean aNan = Double.isNaN(a);
    return aNan == Double.isNaN(b) ? 0 : aNan ? 1 : -1;
  }

  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    FieldVector v = vectors[column.slot()];
    boolean nulls = v.getNullCount() > 0;
    int k = 0;
    if (v instanceof Float8Vector f) {
      for (int i = 0; i < n; i++) {
        int row = rows[i];
        if (!(nulls && f.isNull(row)) && op.test(compare(f.get(row), constant))) {
          rows[k++] = row;
        }
      }
    } else if (v instanceof Float4Vector f) {
      for (int i = 0; i < n; i++) {
        int row = rows[i];
        if (!(nulls && f.isNull(row)) && op.test(compare(f.get(row), constant))) {
          rows[k++] = row;
        }
      }
    } else {
      throw VectorMismatch.of(column, v);
    }
    return k;
  }

  @Override
  public boolean mightMatch(StatsSource source) {
    if (column.allNull(source)) {
      return false;
    }
    ColumnStats s = column.stats(source);
    if (!Boolean.FALSE.equals(s.containsNan()) && op.test(compare(Double.NaN, constant))) {
      return true;
    }
    Double min = StatsKeys.doubleKey(s.min());
    Double max = StatsKeys.doubleKey(s.max());
    return switch (op) {
      case EQ ->
          (min == null || compare(min, constant) <= 0)
              && (max == null || compare(max, constant) >= 0);
      case NE ->
          min == null || max == null || compare(min, max) != 0 || compare(min, constant) != 0;
      case LT -> min == null || compare(min, constant) < 0;
      case LE -> min == null || compare(min, constant) <= 0;
      case GT -> max == null || compare(max, constant) > 0;
      case GE -> max == null || compare(max, constant) >= 0;
    };
  }

  @Override
  public String toString() {
    return column + " " + op.symbol() + " " + constant;
  }
}
