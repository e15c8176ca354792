package io.quacklake.internal.expr.scalar;

import io.quacklake.expr.CompareOp;
import io.quacklake.types.LakeType;
import java.util.List;

/** Predicates as BOOLEAN scalars with SQL's three-valued logic (NULL is UNKNOWN). */
final class Predicates {
  private Predicates() {}

  /** A BOOLEAN scalar. */
  private interface Condition extends Scalar {
    @Override
    default LakeType type() {
      return ScalarTypes.BOOLEAN;
    }
  }

  /** {@code left op right}, both already of one type; NULL when either is NULL. */
  record Compare(CompareOp op, Scalar left, Scalar right) implements Condition {
    @Override
    public Object[] evaluate(Rows rows) {
      Object[] l = left.evaluate(rows);
      Object[] r = right.evaluate(rows);
      Object[] out = new Object[rows.count()];
      for (int i = 0; i < out.length; i++) {
        if (l[i] != null && r[i] != null) {
          out[i] = op.test(ValueOrder.compare(l[i], r[i]));
        }
      }
      return out;
    }

    @Override
    public boolean constant() {
      return left.constant() && right.constant();
    }
  }

  /**
   * AND ({@code and}) or OR of the terms. Each term is evaluated only for the rows the terms before
   * it left undecided (as DuckDB's filters do), so {@code x <> 0 AND 10 / x > 1} never evaluates
   * the right side where x is 0.
   */
  record Junction(boolean and, List<Scalar> terms) implements Condition {
    @Override
    public Object[] evaluate(Rows rows) {
      Boolean decided = !and;
      Object[] out = new Object[rows.count()];
      java.util.Arrays.fill(out, and);
      int[] open = new int[rows.count()];
      int n = 0;
      for (int i = 0; i < out.length; i++) {
        open[n++] = i;
      }
      for (Scalar t : terms) {
        if (n == 0) {
          break;
        }
        Object[] v = t.evaluate(rows.subset(open, n));
        int k = 0;
        for (int i = 0; i < n; i++) {
          int at = open[i];
          if (decided.equals(v[i])) {
            out[at] = decided;
          } else {
            if (v[i] == null) {
              out[at] = null;
            }
            open[k++] = at;
          }
        }
        n = k;
      }
      return out;
    }

    @Override
    public boolean constant() {
      return terms.stream().allMatch(Scalar::constant);
    }
  }

  /** {@code NOT operand}. */
  record Negation(Scalar operand) implements Condition {
    @Override
    public Object[] evaluate(Rows rows) {
      Object[] v = operand.evaluate(rows);
      for (int i = 0; i < v.length; i++) {
        if (v[i] != null) {
          v[i] = !(Boolean) v[i];
        }
      }
      return v;
    }

    @Override
    public boolean constant() {
      return operand.constant();
    }
  }

  /** {@code operand IS [NOT] NULL}: never NULL. */
  record NullTest(Scalar operand, boolean negated) implements Condition {
    @Override
    public Object[] evaluate(Rows rows) {
      Object[] v = operand.evaluate(rows);
      Object[] out = new Object[v.length];
      for (int i = 0; i < v.length; i++) {
        out[i] = (v[i] == null) != negated;
      }
      return out;
    }

    @Override
    public boolean constant() {
      return operand.constant();
    }
  }

  /** {@code operand [NOT] LIKE pattern} on text. */
  record Like(Scalar operand, LikePattern pattern, boolean negated) implements Condition {
    @Override
    public Object[] evaluate(Rows rows) {
      Object[] v = operand.evaluate(rows);
      Object[] out = new Object[v.length];
      for (int i = 0; i < v.length; i++) {
        if (v[i] != null) {
          out[i] = pattern.matches((String) v[i]) != negated;
        }
      }
      return out;
    }

    @Override
    public boolean constant() {
      return operand.constant();
    }
  }
}
