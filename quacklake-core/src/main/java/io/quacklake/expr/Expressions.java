package io.quacklake.expr;

import io.quacklake.internal.expr.ExpressionParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and parses filter expressions:
 *
 * <pre>{@code
 * import static io.quacklake.expr.Expressions.*;
 * Expression e = col("region").eq("EU").and(col("amount").gt(100));
 * Expression same = parse("region = 'EU' AND amount > 100");
 * }</pre>
 */
public final class Expressions {
  private Expressions() {}

  /** A column reference. */
  public static ColumnRef col(String name) {
    return new ColumnRef(name);
  }

  /** A literal of a canonical Java value (a {@link Literal} is returned unchanged). */
  public static Literal lit(Object value) {
    if (value instanceof Literal l) {
      return l;
    }
    if (value instanceof Expression e) {
      throw new IllegalArgumentException("expected a literal value, got expression " + e);
    }
    return Literal.of(value);
  }

  /**
   * The conjunction of the terms; nested conjunctions are flattened, one term is returned as is.
   */
  public static Expression and(Expression... terms) {
    return flatten(terms, true);
  }

  /**
   * The disjunction of the terms; nested disjunctions are flattened, one term is returned as is.
   */
  public static Expression or(Expression... terms) {
    return flatten(terms, false);
  }

  public static Expression not(Expression e) {
    return new Not(e);
  }

  /**
   * Parses the filter grammar of {@code docs/cli.md}.
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT naming the position, the
   *     offending token and what was expected
   */
  public static Expression parse(String sql) {
    return new ExpressionParser(sql).parse();
  }

  static Expression operand(Object value) {
    return value instanceof ColumnRef c ? c : lit(value);
  }

  private static Expression flatten(Expression[] terms, boolean and) {
    List<Expression> flat = new ArrayList<>();
    for (Expression t : terms) {
      if (and && t instanceof And a) {
        flat.addAll(a.terms());
      } else if (!and && t instanceof Or o) {
        flat.addAll(o.terms());
      } else {
        flat.add(java.util.Objects.requireNonNull(t, "term is null"));
      }
    }
    if (flat.isEmpty()) {
      throw new IllegalArgumentException((and ? "AND" : "OR") + " needs at least one term");
    }
    return flat.size() == 1 ? flat.get(0) : and ? new And(flat) : new Or(flat);
  }
}
