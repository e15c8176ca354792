package io.quacklake.expr;

import io.quacklake.internal.expr.SqlText;
import java.util.Objects;

/**
 * {@code operand [NOT] LIKE 'pattern'} (or {@code ILIKE}, case-insensitive) as DuckDB matches it:
 * {@code %} any run of characters, {@code _} any one character, no escape character; NULL for a
 * NULL value. The operand is a text column or a text-valued expression such as {@code lower(name)}.
 */
public record Like(Expression operand, String pattern, boolean caseInsensitive, boolean negated)
    implements Expression {
  public Like {
    Objects.requireNonNull(operand, "operand is null");
    Objects.requireNonNull(pattern, "pattern is null");
  }

  @Override
  public String toString() {
    return SqlText.operand(operand, 5)
        + (negated ? " NOT" : "")
        + (caseInsensitive ? " ILIKE " : " LIKE ")
        + Literal.of(pattern);
  }
}
