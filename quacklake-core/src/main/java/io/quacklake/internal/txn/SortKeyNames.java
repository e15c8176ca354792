package io.quacklake.internal.txn;

import java.util.Locale;

/** Sort keys that are plain column names, as DuckDB writes them (quoted only where needed). */
public final class SortKeyNames {
  private SortKeyNames() {}

  /** Whether a stored sort expression is exactly a reference to {@code column}. */
  public static boolean names(String expression, String column) {
    String e = expression.trim();
    if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
      return e.substring(1, e.length() - 1).replace("\"\"", "\"").equalsIgnoreCase(column);
    }
    return e.equalsIgnoreCase(column);
  }

  /** A column name as a sort expression: bare when it is a plain lower-case identifier. */
  public static String quoted(String column) {
    return column.matches("[a-z_][a-z0-9_]*") && !column.toLowerCase(Locale.ROOT).equals("null")
        ? column
        : "\"" + column.replace("\"", "\"\"") + "\"";
  }
}
