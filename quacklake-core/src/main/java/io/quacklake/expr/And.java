package io.quacklake.expr;

import io.quacklake.internal.expr.SqlText;
import java.util.List;
import java.util.stream.Collectors;

/** The conjunction of two or more terms. */
public record And(List<Expression> terms) implements Expression {
  public And {
    terms = List.copyOf(terms);
    if (terms.size() < 2) {
      throw new IllegalArgumentException("AND needs at least two terms");
    }
  }

  @Override
  public String toString() {
    return terms.stream().map(t -> SqlText.operand(t, 2)).collect(Collectors.joining(" AND "));
  }
}
