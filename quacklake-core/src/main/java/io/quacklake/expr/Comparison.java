package io.quacklake.expr;

import java.util.Objects;

/**
 * {@code left op right}. One side is a column and the other a literal; either order is allowed
 * ({@code 5 < x}).
 */
public record Comparison(CompareOp op, Expression left, Expression right) implements Expression {
  public Comparison {
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
  }

  @Override
  public String toString() {
    return left + " " + op.symbol() + " " + right;
  }
}
