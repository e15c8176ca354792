package io.quacklake.cli;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.expr.Literal;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.ValueText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --set "col = VALUE[, col2 = VALUE]"} of {@code update}: a literal (a number, {@code
 * 'text'}, {@code true}/{@code false}, {@code NULL} or a typed literal such as {@code DATE
 * '2025-01-31'}) is converted to its column's type as DuckDB casts it; any other expression of the
 * filter grammar ({@code price * 1.1}, {@code lower(name)}, {@code coalesce(n, 0) + 1}) is computed
 * from each row's values before the update.
 */
final class SetClause {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern TYPED =
      Pattern.compile(
          "(?i)(DATE|TIME|TIMESTAMP|TIMESTAMPTZ|INTERVAL|UUID)\\s+('.*')", Pattern.DOTALL);

  private SetClause() {}

  static Map<String, Object> parse(String text, List<LakeColumn> columns) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String assignment : splitOutsideQuotes(text)) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw QuacklakeException.invalid(
            "--set takes \"col = LITERAL[, col2 = LITERAL]\", got '%s'", assignment.trim());
      }
      String name = unquoteIdentifier(assignment.substring(0, eq).trim());
      LakeColumn column =
          columns.stream()
              .filter(c -> c.name().equalsIgnoreCase(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      QuacklakeException.invalid(
                          "--set names column '%s', which the table does not have; its columns"
                              + " are %s",
                          name, columns.stream().map(LakeColumn::name).toList()));
      String right = assignment.substring(eq + 1).trim();
      out.put(column.name(), isLiteral(right) ? value(right, column) : expression(right, column));
    }
    return out;
  }

  private static boolean isLiteral(String text) {
    try {
      return Expressions.parse(text) instanceof Literal;
    } catch (QuacklakeException e) {
      return true;
    }
  }

  private static Expression expression(String text, LakeColumn column) {
    try {
      return Expressions.parse(text);
    } catch (QuacklakeException e) {
      throw QuacklakeException.invalid("--set %s = %s: %s", column.name(), text, e.getMessage());
    }
  }

  private static Object value(String literal, LakeColumn column) {
    String text = literalText(literal, column);
    if (text == null) {
      return null;
    }
    try {
      return ValueText.parse(text, column);
    } catch (QuacklakeException e) {
      throw QuacklakeException.invalid(
          "--set %s = %s: %s is not a %s", column.name(), literal, literal, column.sqlTypeName());
    }
  }

  /**
   * The text of a literal (null for NULL): a number, {@code 'text'} (with {@code ''} for a quote),
   * {@code true}/{@code false} or a typed literal such as {@code DATE '2025-01-31'}.
   */
  private static String literalText(String literal, LakeColumn column) {
    if (literal.equalsIgnoreCase("NULL")) {
      return null;
    }
    if (NUMBER.matcher(literal).matches()
        || literal.equalsIgnoreCase("true")
        || literal.equalsIgnoreCase("false")) {
      return literal;
    }
    Matcher typed = TYPED.matcher(literal);
    String quoted = typed.matches() ? typed.group(2) : literal;
    if (quoted.length() >= 2 && quoted.startsWith("'") && quoted.endsWith("'")) {
      String body = quoted.substring(1, quoted.length() - 1);
      if (!body.replace("''", "").contains("'")) {
        return body.replace("''", "'");
      }
    }
    throw QuacklakeException.invalid(
        "--set %s = %s: not a value; quote text as '%s' (a value is a number, 'text', true,"
            + " false, NULL, a typed literal such as DATE '2025-01-31', or an expression such as"
            + " price * 2)",
        column.name(), literal, literal.replace("'", "''"));
  }

  private static String unquoteIdentifier(String name) {
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name;
  }

  /** The assignments: split at commas outside quotes and parentheses. */
  private static List<String> splitOutsideQuotes(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean single = false;
    boolean dbl = false;
    int depth = 0;
    for (char ch : text.toCharArray()) {
      if (ch == '\'' && !dbl) {
        single = !single;
      } else if (ch == '"' && !single) {
        dbl = !dbl;
      } else if (!single && !dbl && ch == '(') {
        depth++;
      } else if (!single && !dbl && ch == ')') {
        depth--;
      }
      if (ch == ',' && !single && !dbl && depth == 0) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(ch);
      }
    }
    out.add(current.toString());
    return out;
  }
}
