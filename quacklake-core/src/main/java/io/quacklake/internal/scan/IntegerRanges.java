package io.quacklake.internal.scan;

import io.quacklake.expr.Between;
import io.quacklake.expr.ColumnRef;
import io.quacklake.expr.CompareOp;
import io.quacklake.expr.Comparison;
import io.quacklake.expr.Expression;
import io.quacklake.expr.InList;
import io.quacklake.expr.Literal;
import io.quacklake.internal.catalog.StatsBound;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ranges every matching row's value of an integer column lies in, implied by a filter's
 * top-level AND terms ({@code c = 5}, {@code c < 9}, {@code c BETWEEN 1 AND 3}, {@code c IN (1,
 * 7)}). The planner hands these to the catalog database, so that a point lookup in a table of
 * 100,000 files reads only the files whose statistics overlap. Anything else in the filter is left
 * to the exact check in Java; the ranges only ever keep more files than the filter needs, never
 * fewer.
 */
final class IntegerRanges {
  private static final Set<TypeId> INTEGERS =
      Set.of(
          TypeId.INT8,
          TypeId.INT16,
          TypeId.INT32,
          TypeId.INT64,
          TypeId.UINT8,
          TypeId.UINT16,
          TypeId.UINT32);

  private IntegerRanges() {}

  /** The ranges implied by {@code filter}, at most one per column; empty when none apply. */
  public static List<StatsBound> of(Expression filter, List<LakeColumn> columns) {
    List<StatsBound> out = new ArrayList<>();
    for (Expression term : FilterTerms.of(filter)) {
      StatsBound r = range(term, columns);
      if (r != null) {
        out.add(r);
      }
    }
    return StatsBound.merged(out);
  }

  private static StatsBound range(Expression term, List<LakeColumn> columns) {
    if (term instanceof Comparison c) {
      if (c.left() instanceof ColumnRef ref && c.right() instanceof Literal lit) {
        return compare(column(ref, columns), c.op(), lit);
      }
      if (c.right() instanceof ColumnRef ref && c.left() instanceof Literal lit) {
        return compare(column(ref, columns), c.op().flip(), lit);
      }
    } else if (term instanceof Between b && !b.negated()) {
      LakeColumn col = column(b.column(), columns);
      Long lo = value(b.low());
      Long hi = value(b.high());
      if (col != null && lo != null && hi != null) {
        return new StatsBound(col.id(), lo, hi);
      }
    } else if (term instanceof InList in && !in.negated()) {
      LakeColumn col = column(in.column(), columns);
      long lo = Long.MAX_VALUE;
      long hi = Long.MIN_VALUE;
      for (Literal l : in.values()) {
        Long v = value(l);
        if (v == null) {
          return null;
        }
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      return col == null ? null : new StatsBound(col.id(), lo, hi);
    }
    return null;
  }

  private static StatsBound compare(LakeColumn col, CompareOp op, Literal literal) {
    Long v = value(literal);
    if (col == null || v == null) {
      return null;
    }
    return switch (op) {
      case EQ -> new StatsBound(col.id(), v, v);
      case LT -> v == Long.MIN_VALUE ? null : new StatsBound(col.id(), Long.MIN_VALUE, v - 1);
      case LE -> new StatsBound(col.id(), Long.MIN_VALUE, v);
      case GT -> v == Long.MAX_VALUE ? null : new StatsBound(col.id(), v + 1, Long.MAX_VALUE);
      case GE -> new StatsBound(col.id(), v, Long.MAX_VALUE);
      case NE -> null;
    };
  }

  private static Long value(Literal l) {
    return l.value() instanceof Long v ? v : null;
  }

  /** The integer column a reference names, as the binder resolves it; null otherwise. */
  private static LakeColumn column(ColumnRef ref, List<LakeColumn> columns) {
    LakeColumn found = FilterTerms.column(ref, columns);
    return found != null && INTEGERS.contains(found.type().id()) ? found : null;
  }
}
