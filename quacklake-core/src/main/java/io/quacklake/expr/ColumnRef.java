package io.quacklake.expr;

import io.quacklake.internal.expr.SqlText;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A reference to a top-level column by name. Names match columns case-insensitively (DuckDB's
 * rule); the fluent methods build predicates on this column, turning plain Java values into {@link
 * Literal}s.
 */
public record ColumnRef(String name) implements Expression {
  public ColumnRef {
    Objects.requireNonNull(name, "name is null");
  }

  public Comparison eq(Object value) {
    return compare(CompareOp.EQ, value);
  }

  public Comparison ne(Object value) {
    return compare(CompareOp.NE, value);
  }

  public Comparison lt(Object value) {
    return compare(CompareOp.LT, value);
  }

  public Comparison le(Object value) {
    return compare(CompareOp.LE, value);
  }

  public Comparison gt(Object value) {
    return compare(CompareOp.GT, value);
  }

  public Comparison ge(Object value) {
    return compare(CompareOp.GE, value);
  }

  public Comparison compare(CompareOp op, Object value) {
    return new Comparison(op, this, Expressions.operand(value));
  }

  public IsNull isNull() {
    return new IsNull(this, false);
  }

  public IsNull isNotNull() {
    return new IsNull(this, true);
  }

  public InList in(Object... values) {
    return new InList(this, literals(values), false);
  }

  public InList notIn(Object... values) {
    return new InList(this, literals(values), true);
  }

  public Between between(Object low, Object high) {
    return new Between(this, Expressions.lit(low), Expressions.lit(high), false);
  }

  public Between notBetween(Object low, Object high) {
    return new Between(this, Expressions.lit(low), Expressions.lit(high), true);
  }

  private static List<Literal> literals(Object[] values) {
    return Arrays.stream(values).map(Expressions::lit).toList();
  }

  @Override
  public String toString() {
    return SqlText.identifier(name);
  }
}
