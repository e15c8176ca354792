package io.quacklake.expr;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A scalar function call such as {@code lower(name)} or {@code date_trunc('day', ts)}; the name is
 * kept in lower case. Which functions exist, and their argument types, is checked when the
 * expression is bound to a table (the list is in {@code docs/cli.md}).
 */
public record Call(String function, List<Expression> arguments) implements Expression {
  public Call {
    Objects.requireNonNull(function, "function is null");
    function = function.toLowerCase(Locale.ROOT);
    arguments = List.copyOf(arguments);
  }

  @Override
  public String toString() {
    return function
        + "("
        + arguments.stream().map(Expression::toString).collect(Collectors.joining(", "))
        + ")";
  }
}
