package io.quacklake.expr;

import java.util.Objects;

/**
 * {@code column [NOT] LIKE 'pattern'} (or {@code ILIKE}, case-insensitive) as DuckDB matches it:
 * {@code %} any run of characters, {@code _} any one character, no escape character; NULL for a
 * NULL value.
 */
public record Like(ColumnRef column, String pattern, boolean caseInsensitive, boolean negated)
    implements Expression {
  public Like {
    Objects.requireNonNull(column, "column is null");
    Objects.requireNonNull(pattern, "pattern is null");
  }

  @Override
  public String toString() {
    return column
        + (negated ? " NOT" : "")
        + (caseInsensitive ? " ILIKE " : " LIKE ")
        + Literal.of(pattern);
  }
}
