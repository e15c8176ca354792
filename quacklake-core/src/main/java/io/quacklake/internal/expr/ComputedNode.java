package io.quacklake.internal.expr;

import io.quacklake.internal.expr.scalar.Rows;
import io.quacklake.internal.expr.scalar.Scalar;
import org.apache.arrow.vector.FieldVector;

/**
 * A condition on computed values ({@code id % 10 = 0}, {@code lower(name) LIKE 'a%'}): keeps the
 * rows where it is TRUE ({@code wantTrue}) or FALSE (under NOT); NULL rows never. Prunes nothing.
 */
record ComputedNode(Scalar condition, boolean wantTrue) implements Node {
  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    Object[] v = condition.evaluate(Rows.of(vectors, rows, n));
    Boolean want = wantTrue;
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (want.equals(v[i])) {
        rows[k++] = rows[i];
      }
    }
    return k;
  }

  @Override
  public int cost() {
    return 2;
  }

  @Override
  public boolean mightMatch(StatsSource stats) {
    return true;
  }
}
