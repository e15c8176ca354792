package io.quacklake.internal.expr.scalar;

import io.quacklake.types.LakeType;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN r1 ... ELSE e END}, results already of {@link #type}. A branch's result
 * is evaluated only for the rows that take it, so {@code CASE WHEN x > 0 THEN 100 / x END} never
 * divides by a row it does not return.
 *
 * <p>Also {@code coalesce(a, b, ...)} ({@code coalesce}): the first argument that is not NULL, each
 * evaluated only for the rows still NULL.
 */
record CaseScalar(List<Scalar> conditions, List<Scalar> results, Scalar otherwise, LakeType type)
    implements Scalar {

  static CaseScalar coalesce(List<Scalar> arguments, LakeType type) {
    return new CaseScalar(null, arguments, null, type);
  }

  @Override
  public Object[] evaluate(Rows rows) {
    Object[] out = new Object[rows.count()];
    int[] open = new int[rows.count()];
    int n = 0;
    for (int i = 0; i < out.length; i++) {
      open[n++] = i;
    }
    int[] taken = new int[rows.count()];
    for (int b = 0; b < results.size() && n > 0; b++) {
      Rows subset = rows.subset(open, n);
      int t = 0;
      int k = 0;
      if (conditions == null) {
        Object[] v = results.get(b).evaluate(subset);
        for (int i = 0; i < n; i++) {
          if (v[i] != null) {
            out[open[i]] = v[i];
          } else {
            open[k++] = open[i];
          }
        }
        n = k;
        continue;
      }
      Object[] c = conditions.get(b).evaluate(subset);
      for (int i = 0; i < n; i++) {
        if (Boolean.TRUE.equals(c[i])) {
          taken[t++] = open[i];
        } else {
          open[k++] = open[i];
        }
      }
      fill(out, results.get(b), rows, taken, t);
      n = k;
    }
    if (otherwise != null && n > 0) {
      fill(out, otherwise, rows, open, n);
    }
    return out;
  }

  private static void fill(Object[] out, Scalar s, Rows rows, int[] positions, int n) {
    if (n == 0) {
      return;
    }
    Object[] v = s.evaluate(rows.subset(positions, n));
    for (int i = 0; i < n; i++) {
      out[positions[i]] = v[i];
    }
  }

  @Override
  public boolean constant() {
    return (conditions == null || conditions.stream().allMatch(Scalar::constant))
        && results.stream().allMatch(Scalar::constant)
        && (otherwise == null || otherwise.constant());
  }
}
