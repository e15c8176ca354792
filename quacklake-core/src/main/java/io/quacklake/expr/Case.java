package io.quacklake.expr;

import java.util.List;
import java.util.Objects;

/**
 * {@code CASE WHEN condition THEN result ... [ELSE otherwise] END}: the result of the first branch
 * whose condition is TRUE, else {@code otherwise} (NULL when absent).
 */
public record Case(List<When> branches, Expression otherwise) implements Expression {
  public Case {
    branches = List.copyOf(branches);
    if (branches.isEmpty()) {
      throw new IllegalArgumentException("CASE needs at least one WHEN branch");
    }
    otherwise = otherwise == null ? Literal.of(null) : otherwise;
  }

  /** One {@code WHEN condition THEN result} branch. */
  public record When(Expression condition, Expression result) {
    public When {
      Objects.requireNonNull(condition, "condition is null");
      Objects.requireNonNull(result, "result is null");
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CASE");
    for (When w : branches) {
      sb.append(" WHEN ").append(w.condition()).append(" THEN ").append(w.result());
    }
    return sb.append(" ELSE ").append(otherwise).append(" END").toString();
  }
}
