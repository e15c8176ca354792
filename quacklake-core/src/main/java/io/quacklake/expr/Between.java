package io.quacklake.expr;

import java.util.Objects;

/** {@code column BETWEEN low AND high} (inclusive), or {@code NOT BETWEEN} when {@code negated}. */
public record Between(ColumnRef column, Literal low, Literal high, boolean negated)
    implements Expression {
  public Between {
    Objects.requireNonNull(column, "column is null");
    Objects.requireNonNull(low, "low is null");
    Objects.requireNonNull(high, "high is null");
  }

  @Override
  public String toString() {
    return column + (negated ? " NOT BETWEEN " : " BETWEEN ") + low + " AND " + high;
  }
}
