package io.quacklake.internal.expr;

import io.quacklake.expr.And;
import io.quacklake.expr.Between;
import io.quacklake.expr.ColumnRef;
import io.quacklake.expr.CompareOp;
import io.quacklake.expr.Comparison;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.expr.InList;
import io.quacklake.expr.IsNull;
import io.quacklake.expr.Literal;
import io.quacklake.expr.Not;
import io.quacklake.expr.Or;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A deliberately plain evaluator over canonical Java values with DuckDB semantics, for checking
 * {@link BoundFilter}. Literals must be of the column's canonical class, except that exact numeric
 * columns also take any Java number and float columns take doubles.
 */
final class ReferenceEvaluator {
  private final List<LakeColumn> columns;

  ReferenceEvaluator(List<LakeColumn> columns) {
    this.columns = columns;
  }

  /** TRUE, FALSE or null (UNKNOWN). */
  Boolean eval(Expression e, Object[] row) {
    if (e instanceof And a) {
      boolean unknown = false;
      for (Expression t : a.terms()) {
        Boolean b = eval(t, row);
        if (Boolean.FALSE.equals(b)) {
          return false;
        }
        unknown |= b == null;
      }
      return unknown ? null : true;
    } else if (e instanceof Or o) {
      boolean unknown = false;
      for (Expression t : o.terms()) {
        Boolean b = eval(t, row);
        if (Boolean.TRUE.equals(b)) {
          return true;
        }
        unknown |= b == null;
      }
      return unknown ? null : false;
    } else if (e instanceof Not n) {
      return not(eval(n.operand(), row));
    } else if (e instanceof IsNull i) {
      return (value((ColumnRef) i.operand(), row) == null) != i.negated();
    } else if (e instanceof Comparison c) {
      if (c.left() instanceof ColumnRef col) {
        return compare(col, row, c.op(), ((Literal) c.right()).value());
      }
      return compare((ColumnRef) c.right(), row, c.op().flip(), ((Literal) c.left()).value());
    } else if (e instanceof InList in) {
      Expression or =
          Expressions.or(
              in.values().stream()
                  .map(v -> (Expression) in.column().eq(v))
                  .toArray(Expression[]::new));
      Boolean b = eval(or, row);
      return in.negated() ? not(b) : b;
    } else if (e instanceof Between b) {
      Boolean r = eval(Expressions.and(b.column().ge(b.low()), b.column().le(b.high())), row);
      return b.negated() ? not(r) : r;
    } else if (e instanceof ColumnRef c) {
      return (Boolean) value(c, row);
    }
    return (Boolean) ((Literal) e).value();
  }

  private static Boolean not(Boolean b) {
    return b == null ? null : !b;
  }

  private Boolean compare(ColumnRef col, Object[] row, CompareOp op, Object literal) {
    Object v = value(col, row);
    if (v == null || literal == null) {
      return null;
    }
    return op.test(compare(column(col).type().id(), v, literal));
  }

  static int compare(TypeId type, Object v, Object lit) {
    if (type.isFloating()) {
      double a = ((Number) v).doubleValue();
      double b = ((Number) lit).doubleValue();
      return a == b ? 0 : Double.compare(a, b);
    }
    if (type.isNumeric() || type == TypeId.BOOLEAN) {
      if (lit instanceof Double d && (d.isNaN() || d.isInfinite())) {
        return d == Double.NEGATIVE_INFINITY ? 1 : -1;
      }
      return decimal(v).compareTo(decimal(lit));
    }
    if (v instanceof String s) {
      return Arrays.compareUnsigned(
          s.getBytes(StandardCharsets.UTF_8), ((String) lit).getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof byte[] b) {
      return Arrays.compareUnsigned(b, (byte[]) lit);
    } else if (v instanceof UUID u) {
      return u.toString().compareTo(lit.toString());
    } else if (v instanceof Interval i) {
      return nanos(i).compareTo(nanos((Interval) lit));
    }
    @SuppressWarnings("unchecked")
    Comparable<Object> c = (Comparable<Object>) v;
    return c.compareTo(lit);
  }

  private static BigInteger nanos(Interval i) {
    return BigInteger.valueOf(i.months() * 30L + i.days())
        .multiply(BigInteger.valueOf(86_400_000_000_000L))
        .add(BigInteger.valueOf(i.nanos()));
  }

  private static BigDecimal decimal(Object v) {
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof Double d) {
      return new BigDecimal(d);
    }
    return new BigDecimal(v.toString());
  }

  private LakeColumn column(ColumnRef ref) {
    return columns.stream()
        .filter(c -> c.name().equalsIgnoreCase(ref.name()))
        .findFirst()
        .orElseThrow();
  }

  private Object value(ColumnRef ref, Object[] row) {
    return row[columns.indexOf(column(ref))];
  }
}
