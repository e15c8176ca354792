package io.quacklake.internal.expr;

import io.quacklake.expr.And;
import io.quacklake.expr.Between;
import io.quacklake.expr.Comparison;
import io.quacklake.expr.Expression;
import io.quacklake.expr.InList;
import io.quacklake.expr.IsNull;
import io.quacklake.expr.Like;
import io.quacklake.expr.Not;
import io.quacklake.expr.Or;
import io.quacklake.types.Interval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/** Renders expressions as the SQL text {@link ExpressionParser} reads. */
public final class SqlText {
  static final Set<String> RESERVED =
      Set.of(
          "and",
          "or",
          "not",
          "is",
          "null",
          "in",
          "between",
          "true",
          "false",
          "like",
          "ilike",
          "distinct",
          "from",
          "case",
          "when",
          "then",
          "else",
          "end",
          "cast",
          "try_cast",
          "as");

  /** Words the parser reads as a value, not a column, when written bare. */
  private static final Set<String> VALUE_WORDS = Set.of("current_date", "current_timestamp");

  private SqlText() {}

  public static String identifier(String name) {
    boolean bare =
        name.matches("[A-Za-z_][A-Za-z0-9_]*")
            && !VALUE_WORDS.contains(name.toLowerCase(java.util.Locale.ROOT))
            && !RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT));
    return bare ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * Renders {@code e}, in parentheses when it binds looser than {@code minPrecedence}: 1 OR, 2 AND,
   * 3 NOT, 4 a predicate, 5 a value (column, literal, arithmetic, call, CASE, CAST).
   */
  public static String operand(Expression e, int minPrecedence) {
    return precedence(e) < minPrecedence ? "(" + e + ")" : e.toString();
  }

  private static int precedence(Expression e) {
    if (e instanceof Or) {
      return 1;
    } else if (e instanceof And) {
      return 2;
    } else if (e instanceof Not) {
      return 3;
    } else if (e instanceof Comparison
        || e instanceof IsNull
        || e instanceof Like
        || e instanceof InList
        || e instanceof Between) {
      return 4;
    }
    return 5;
  }

  public static String literal(Object v) {
    if (v == null) {
      return "NULL";
    } else if (v instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    } else if (v instanceof BigDecimal d) {
      return (d.scale() > 0 ? d : d.setScale(1)).toPlainString();
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return string(d.toString());
      }
      String s = d.toString();
      return s.contains("E") ? s : s + "E0";
    } else if (v instanceof Number) {
      return v.toString();
    } else if (v instanceof String s) {
      return string(s);
    } else if (v instanceof LocalDate d) {
      return "DATE " + string(TemporalText.formatDate(d));
    } else if (v instanceof LocalTime t) {
      return "TIME " + string(TemporalText.formatTime(t));
    } else if (v instanceof LocalDateTime t) {
      return "TIMESTAMP " + string(TemporalText.formatTimestamp(t));
    } else if (v instanceof Instant i) {
      LocalDateTime utc = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
      return "TIMESTAMPTZ " + string(TemporalText.formatTimestamp(utc) + "+00");
    } else if (v instanceof Interval i) {
      return "INTERVAL " + string(IntervalText.format(i));
    } else if (v instanceof UUID u) {
      return "UUID " + string(u.toString());
    } else if (v instanceof byte[] b) {
      return string(BinaryText.formatBlob(b));
    }
    throw new IllegalArgumentException("not a literal value: " + v);
  }

  static String string(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
