package io.quacklake.expr;

/**
 * A filter expression over the top-level columns of one table: predicates, and the values they
 * compare (columns, literals, arithmetic, function calls, CASE and CAST). {@link Object#toString()
 * toString()} renders SQL text that {@link Expressions#parse(String)} reads back to an equal
 * expression.
 */
public sealed interface Expression
    permits ColumnRef,
        Literal,
        Comparison,
        And,
        Or,
        Not,
        IsNull,
        InList,
        Between,
        Like,
        Arithmetic,
        Call,
        Case,
        Cast {

  /** {@code this AND other}. */
  default Expression and(Expression other) {
    return Expressions.and(this, other);
  }

  /** {@code this OR other}. */
  default Expression or(Expression other) {
    return Expressions.or(this, other);
  }

  /** {@code NOT this}. */
  default Expression not() {
    return new Not(this);
  }
}
