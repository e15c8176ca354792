package io.quacklake.cli;

import io.quacklake.QuacklakeException;
import io.quacklake.text.DuckDbText;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --set "col = LITERAL[, col2 = LITERAL]"} of {@code update}: each literal (a number,
 * {@code 'text'}, {@code true}/{@code false}, {@code NULL} or a typed literal such as {@code DATE
 * '2025-01-31'}) is converted to its column's type as DuckDB casts it.
 */
final class SetClause {
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
      out.put(column.name(), value(assignment.substring(eq + 1).trim(), column));
    }
    return out;
  }

  private static Object value(String literal, LakeColumn column) {
    if (literal.equalsIgnoreCase("NULL")) {
      return null;
    }
    String text = literal;
    int quote = literal.indexOf('\'');
    if (quote >= 0) {
      if (!literal.endsWith("'") || literal.length() - quote < 2) {
        throw QuacklakeException.invalid("unterminated string literal %s in --set", literal);
      }
      text = literal.substring(quote + 1, literal.length() - 1).replace("''", "'");
    }
    try {
      return DuckDbText.parse(text, column);
    } catch (QuacklakeException e) {
      throw QuacklakeException.invalid(
          "--set %s = %s: %s is not a %s", column.name(), literal, literal, column.sqlTypeName());
    }
  }

  private static String unquoteIdentifier(String name) {
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name;
  }

  private static List<String> splitOutsideQuotes(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean single = false;
    boolean dbl = false;
    for (char ch : text.toCharArray()) {
      if (ch == '\'' && !dbl) {
        single = !single;
      } else if (ch == '"' && !single) {
        dbl = !dbl;
      }
      if (ch == ',' && !single && !dbl) {
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
