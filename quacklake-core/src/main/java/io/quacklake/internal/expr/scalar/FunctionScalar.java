package io.quacklake.internal.expr.scalar;

import io.quacklake.types.LakeType;
import java.util.List;

/**
 * A scalar function applied row by row to its arguments' values; NULL when any argument is NULL
 * (every function here is strict, as in DuckDB).
 */
record FunctionScalar(String name, List<Scalar> arguments, LakeType type, RowFunction body)
    implements Scalar {

  /** The function of one row's non-NULL argument values. */
  @FunctionalInterface
  interface RowFunction {
    Object apply(Object[] values);
  }

  @Override
  public Object[] evaluate(Rows rows) {
    Object[][] args = new Object[arguments.size()][];
    for (int a = 0; a < args.length; a++) {
      args[a] = arguments.get(a).evaluate(rows);
    }
    Object[] out = new Object[rows.count()];
    Object[] values = new Object[args.length];
    rows:
    for (int i = 0; i < out.length; i++) {
      for (int a = 0; a < args.length; a++) {
        values[a] = args[a][i];
        if (values[a] == null) {
          continue rows;
        }
      }
      try {
        out[i] = body.apply(values);
      } catch (ArithmeticException | java.time.DateTimeException e) {
        throw io.quacklake.exceptions.QuacklakeException.invalid(
            "%s(%s) is out of the range of %s",
            name, java.util.Arrays.toString(values), ScalarTypes.name(type));
      }
    }
    return out;
  }

  @Override
  public boolean constant() {
    return arguments.stream().allMatch(Scalar::constant);
  }
}
