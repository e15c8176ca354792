package io.quacklake.expr;

import io.quacklake.internal.expr.SqlText;
import java.util.List;
import java.util.stream.Collectors;

/** The disjunction of two or more terms. */
public record Or(List<Expression> terms) implements Expression {
  public Or {
    terms = List.copyOf(terms);
    if (terms.size() < 2) {
      throw new IllegalArgumentException("OR needs at least two terms");
    }
  }

  @Override
  public String toString() {
    return terms.stream().map(t -> SqlText.operand(t, 1)).collect(Collectors.joining(" OR "));
  }
}
