package io.quacklake.expr;

import io.quacklake.internal.expr.SqlText;
import java.util.Objects;

/** {@code operand IS NULL}, or {@code IS NOT NULL} when {@code negated}. */
public record IsNull(Expression operand, boolean negated) implements Expression {
  public IsNull {
    Objects.requireNonNull(operand, "operand is null");
  }

  @Override
  public String toString() {
    return SqlText.operand(operand, 5) + (negated ? " IS NOT NULL" : " IS NULL");
  }
}
