package io.quacklake.expr;

import java.util.Objects;

/**
 * {@code left op right}, comparing two values: columns, literals or computed values ({@code id % 10
 * = 0}). A column compared with a literal, or with an expression of literals only, also prunes
 * files and row groups by their statistics.
 */
public record Comparison(CompareOp op, Expression left, Expression right) implements Expression {
  public Comparison {
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
  }

  @Override
  public String toString() {
    return io.quacklake.internal.expr.SqlText.operand(left, 5)
        + " "
        + op.symbol()
        + " "
        + io.quacklake.internal.expr.SqlText.operand(right, 5);
  }
}
