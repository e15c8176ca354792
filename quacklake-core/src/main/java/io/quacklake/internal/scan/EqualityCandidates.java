package io.quacklake.internal.scan;

import io.quacklake.expr.ColumnRef;
import io.quacklake.expr.CompareOp;
import io.quacklake.expr.Comparison;
import io.quacklake.expr.Expression;
import io.quacklake.expr.InList;
import io.quacklake.expr.Literal;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.internal.write.BucketHash;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a column must equal for a row to match, implied by a filter's top-level AND terms
 * {@code c = literal} and {@code c IN (literals)}, as the column's own values: what bucket pruning
 * hashes. A literal is kept only where every value equal to it in DuckDB is that value (strings
 * cast to the column's type, integers for integer and decimal columns, dates, timestamps and
 * instants of the column's own kind); any other term contributes nothing, so pruning by these
 * values keeps every file that might match.
 */
final class EqualityCandidates {
  private EqualityCandidates() {}

  /**
   * Per column id, the values a matching row's value is one of; absent columns are unconstrained.
   */
  static Map<Long, List<Object>> of(Expression filter, List<LakeColumn> columns) {
    Map<Long, List<Object>> out = new HashMap<>();
    for (Expression term : FilterTerms.of(filter)) {
      LakeColumn column = null;
      List<Literal> literals = null;
      if (term instanceof Comparison c && c.op() == CompareOp.EQ) {
        if (c.left() instanceof ColumnRef ref && c.right() instanceof Literal lit) {
          column = FilterTerms.column(ref, columns);
          literals = List.of(lit);
        } else if (c.right() instanceof ColumnRef ref && c.left() instanceof Literal lit) {
          column = FilterTerms.column(ref, columns);
          literals = List.of(lit);
        }
      } else if (term instanceof InList in && !in.negated()) {
        column = FilterTerms.column(in.column(), columns);
        literals = in.values();
      }
      if (column == null || !BucketHash.supports(column.type().id())) {
        continue;
      }
      List<Object> values = values(literals, column);
      List<Object> before = out.get(column.id());
      if (values != null && (before == null || values.size() < before.size())) {
        out.put(column.id(), values);
      }
    }
    return out;
  }

  /** The literals as column values; null when one of them cannot be pinned down. */
  private static List<Object> values(List<Literal> literals, LakeColumn column) {
    List<Object> out = new ArrayList<>();
    for (Literal l : literals) {
      if (l.value() == null) {
        continue;
      }
      Object v = value(l.value(), column);
      if (v == null) {
        return null;
      }
      out.add(v);
    }
    return out;
  }

  private static Object value(Object literal, LakeColumn column) {
    TypeId type = column.type().id();
    boolean text = type == TypeId.VARCHAR || type == TypeId.JSON;
    if (literal instanceof String s) {
      if (text) {
        return s;
      }
      if (type == TypeId.FLOAT32 || type == TypeId.FLOAT64 || type == TypeId.BLOB) {
        return null;
      }
      try {
        return DuckDbText.parse(s, column);
      } catch (RuntimeException e) {
        return null;
      }
    }
    return switch (type) {
      case INT8, INT16, INT32, INT64 -> literal instanceof Long ? literal : null;
      case DECIMAL -> decimal(literal, column.type().scale());
      case BOOLEAN -> literal instanceof Boolean ? literal : null;
      case DATE -> literal instanceof LocalDate ? literal : null;
      case TIMESTAMP -> literal instanceof LocalDateTime ? literal : null;
      case TIMESTAMPTZ -> literal instanceof Instant ? literal : null;
      default -> null;
    };
  }

  private static Object decimal(Object literal, int scale) {
    BigDecimal d;
    if (literal instanceof Long l) {
      d = BigDecimal.valueOf(l);
    } else if (literal instanceof BigDecimal b) {
      d = b;
    } else {
      return null;
    }
    try {
      return d.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
