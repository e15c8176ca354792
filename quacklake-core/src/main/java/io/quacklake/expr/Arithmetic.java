package io.quacklake.expr;

import io.quacklake.internal.expr.SqlText;
import java.util.Objects;

/** {@code left op right}, typed as DuckDB types it (e.g. INTEGER + BIGINT is BIGINT). */
public record Arithmetic(ArithmeticOp op, Expression left, Expression right) implements Expression {
  public Arithmetic {
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
  }

  @Override
  public String toString() {
    return "("
        + SqlText.operand(left, 5)
        + " "
        + op.symbol()
        + " "
        + SqlText.operand(right, 5)
        + ")";
  }
}
