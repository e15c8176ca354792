package io.quacklake.expr;

import java.util.Objects;

/** {@code column IS NULL}, or {@code IS NOT NULL} when {@code negated}. */
public record IsNull(ColumnRef column, boolean negated) implements Expression {
  public IsNull {
    Objects.requireNonNull(column, "column is null");
  }

  @Override
  public String toString() {
    return column + (negated ? " IS NOT NULL" : " IS NULL");
  }
}
