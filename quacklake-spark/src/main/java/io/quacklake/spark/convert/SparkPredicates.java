package io.quacklake.spark.convert;

import io.quacklake.expr.ColumnRef;
import io.quacklake.expr.CompareOp;
import io.quacklake.expr.Comparison;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.expr.InList;
import io.quacklake.expr.IsNull;
import io.quacklake.expr.Literal;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;

/**
 * Spark's pushed predicates as Quacklake filter expressions, for file, partition and row-group
 * pruning: comparisons, {@code IN}, {@code IS [NOT] NULL}, {@code AND}, {@code OR} and {@code NOT}
 * of top-level columns of the types that compare the same in both. What does not convert is left to
 * Spark.
 */
public final class SparkPredicates {
  private static final Set<io.quacklake.types.TypeId> COMPARABLE =
      Set.of(
          io.quacklake.types.TypeId.BOOLEAN,
          io.quacklake.types.TypeId.INT8,
          io.quacklake.types.TypeId.INT16,
          io.quacklake.types.TypeId.INT32,
          io.quacklake.types.TypeId.INT64,
          io.quacklake.types.TypeId.UINT8,
          io.quacklake.types.TypeId.UINT16,
          io.quacklake.types.TypeId.UINT32,
          io.quacklake.types.TypeId.DECIMAL,
          io.quacklake.types.TypeId.DATE,
          io.quacklake.types.TypeId.TIMESTAMP,
          io.quacklake.types.TypeId.TIMESTAMPTZ,
          io.quacklake.types.TypeId.VARCHAR);

  private SparkPredicates() {}

  /** A table's top-level columns by name, as {@link #convert} takes them. */
  public static Map<String, LakeColumn> byName(List<LakeColumn> columns) {
    Map<String, LakeColumn> out = new java.util.LinkedHashMap<>();
    columns.forEach(c -> out.put(c.name(), c));
    return out;
  }

  /**
   * All predicates as one expression, exactly (for deletes and overwrites, not only pruning).
   *
   * @param converted whether every predicate converted
   * @param expression their conjunction; null for none (every row)
   */
  public record Conjunction(boolean converted, Expression expression) {}

  /** The conjunction of {@code predicates}; {@code ALWAYS_TRUE} ones add nothing. */
  public static Conjunction convertAll(Predicate[] predicates, Map<String, LakeColumn> columns) {
    List<Expression> terms = new ArrayList<>();
    for (Predicate p : predicates) {
      if (p.name().equals("ALWAYS_TRUE")) {
        continue;
      }
      Expression e = convert(p, columns);
      if (e == null) {
        return new Conjunction(false, null);
      }
      terms.add(e);
    }
    return new Conjunction(
        true, terms.isEmpty() ? null : Expressions.and(terms.toArray(new Expression[0])));
  }

  /**
   * The predicate as an expression, or null when it does not convert.
   *
   * @param columns the table's top-level columns by name
   */
  public static Expression convert(Predicate p, Map<String, LakeColumn> columns) {
    var children = p.children();
    switch (p.name()) {
      case "AND" -> {
        Expression l = convert((Predicate) children[0], columns);
        Expression r = convert((Predicate) children[1], columns);
        return l == null || r == null ? null : Expressions.and(l, r);
      }
      case "OR" -> {
        Expression l = convert((Predicate) children[0], columns);
        Expression r = convert((Predicate) children[1], columns);
        return l == null || r == null ? null : Expressions.or(l, r);
      }
      case "NOT" -> {
        Expression e = convert((Predicate) children[0], columns);
        return e == null ? null : Expressions.not(e);
      }
      case "IS_NULL", "IS_NOT_NULL" -> {
        LakeColumn c = column(children[0], columns);
        return c == null
            ? null
            : new IsNull(new ColumnRef(c.name()), p.name().equals("IS_NOT_NULL"));
      }
      case "IN" -> {
        LakeColumn c = column(children[0], columns);
        if (c == null) {
          return null;
        }
        List<Literal> values = new ArrayList<>();
        for (int i = 1; i < children.length; i++) {
          Literal l = literal(children[i], c);
          if (l == null) {
            return null;
          }
          values.add(l);
        }
        return values.isEmpty() ? null : new InList(new ColumnRef(c.name()), values, false);
      }
      case "=", "<>", "<", "<=", ">", ">=" -> {
        return comparison(p.name(), children[0], children[1], columns);
      }
      default -> {
        return null;
      }
    }
  }

  private static Expression comparison(
      String op,
      org.apache.spark.sql.connector.expressions.Expression left,
      org.apache.spark.sql.connector.expressions.Expression right,
      Map<String, LakeColumn> columns) {
    boolean flipped = !(left instanceof NamedReference);
    LakeColumn c = column(flipped ? right : left, columns);
    if (c == null) {
      return null;
    }
    Literal value = literal(flipped ? left : right, c);
    if (value == null) {
      return null;
    }
    CompareOp compare =
        switch (op) {
          case "=" -> CompareOp.EQ;
          case "<>" -> CompareOp.NE;
          case "<" -> flipped ? CompareOp.GT : CompareOp.LT;
          case "<=" -> flipped ? CompareOp.GE : CompareOp.LE;
          case ">" -> flipped ? CompareOp.LT : CompareOp.GT;
          default -> flipped ? CompareOp.LE : CompareOp.GE;
        };
    return new Comparison(compare, new ColumnRef(c.name()), value);
  }

  private static LakeColumn column(
      org.apache.spark.sql.connector.expressions.Expression e, Map<String, LakeColumn> columns) {
    if (!(e instanceof NamedReference ref) || ref.fieldNames().length != 1) {
      return null;
    }
    LakeColumn c = columns.get(ref.fieldNames()[0]);
    return c != null && COMPARABLE.contains(c.type().id()) ? c : null;
  }

  private static Literal literal(
      org.apache.spark.sql.connector.expressions.Expression e, LakeColumn column) {
    if (!(e instanceof org.apache.spark.sql.connector.expressions.Literal<?> l)
        || l.value() == null
        || !l.dataType().equals(SparkTypes.type(column))) {
      return null;
    }
    return Literal.of(SparkValues.fromSpark(l.value(), column));
  }
}
