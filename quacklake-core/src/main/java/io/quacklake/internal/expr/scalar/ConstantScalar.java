package io.quacklake.internal.expr.scalar;

import io.quacklake.types.LakeType;
import java.util.Arrays;

/**
 * A constant. {@code untyped} marks a literal written without a type (an integer, a decimal, a
 * string) that DuckDB converts to the type of what it meets ({@code tinyint_col + 1} stays TINYINT,
 * {@code date_col > '2024-01-01'} compares dates).
 */
record ConstantScalar(Object literal, LakeType type, boolean untyped) implements Scalar {
  @Override
  public Object[] evaluate(Rows rows) {
    Object[] out = new Object[rows.count()];
    Arrays.fill(out, literal);
    return out;
  }

  @Override
  public boolean constant() {
    return true;
  }

  @Override
  public Object value() {
    return literal;
  }
}
