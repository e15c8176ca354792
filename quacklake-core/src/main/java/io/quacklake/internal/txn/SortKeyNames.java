package io.quacklake.internal.txn;

import io.quacklake.SortField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sort keys that are plain column names, as DuckDB writes them (quoted where its parser needs it),
 * and how a transaction's column renames carry over to them.
 */
public final class SortKeyNames {
  /** DuckDB's reserved words: a column of such a name is written quoted. */
  private static final Set<String> RESERVED =
      Set.of(
          "all",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "column",
          "constraint",
          "create",
          "default",
          "deferrable",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "from",
          "grant",
          "group",
          "having",
          "in",
          "initially",
          "intersect",
          "into",
          "lateral",
          "leading",
          "limit",
          "not",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "pivot",
          "placing",
          "primary",
          "qualify",
          "references",
          "returning",
          "select",
          "show",
          "some",
          "summarize",
          "symmetric",
          "table",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "unpivot",
          "using",
          "variadic",
          "when",
          "where",
          "window",
          "with");

  private SortKeyNames() {}

  /** Whether a stored sort expression is exactly a reference to {@code column}. */
  public static boolean names(String expression, String column) {
    String e = expression.trim();
    if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
      return e.substring(1, e.length() - 1).replace("\"\"", "\"").equalsIgnoreCase(column);
    }
    return e.equalsIgnoreCase(column);
  }

  /** A column name as a sort expression: bare when it is a plain lower-case, unreserved word. */
  public static String quoted(String column) {
    return column.matches("[a-z_][a-z0-9_]*") && !RESERVED.contains(column.toLowerCase(Locale.ROOT))
        ? column
        : "\"" + column.replace("\"", "\"\"") + "\"";
  }

  /**
   * {@code keys} with the top-level column renames among {@code changes} applied in order (a key
   * naming a renamed column names it by its new name); the same list when none applies.
   */
  public static List<SortField> renamed(List<SortField> keys, List<ColumnChange> changes) {
    List<SortField> out = new ArrayList<>(keys);
    for (ColumnChange change : changes) {
      if (change instanceof ColumnChange.Rename r && r.parentId() == null) {
        for (int i = 0; i < out.size(); i++) {
          SortField k = out.get(i);
          if (names(k.expression(), r.column().name())) {
            out.set(i, new SortField(quoted(r.newName()), k.descending(), k.nullsFirst()));
          }
        }
      }
    }
    return out.equals(keys) ? keys : out;
  }
}
