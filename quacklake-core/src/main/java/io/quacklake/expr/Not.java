package io.quacklake.expr;

import io.quacklake.internal.expr.SqlText;
import java.util.Objects;

/** {@code NOT operand}. */
public record Not(Expression operand) implements Expression {
  public Not {
    Objects.requireNonNull(operand, "operand is null");
  }

  @Override
  public String toString() {
    return "NOT " + SqlText.operand(operand, 3);
  }
}
