package io.quacklake.expr;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@code column IN (values)}, or {@code NOT IN} when {@code negated}. */
public record InList(ColumnRef column, List<Literal> values, boolean negated)
    implements Expression {
  public InList {
    Objects.requireNonNull(column, "column is null");
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
  }

  @Override
  public String toString() {
    return column
        + (negated ? " NOT IN (" : " IN (")
        + values.stream().map(Literal::toString).collect(Collectors.joining(", "))
        + ")";
  }
}
