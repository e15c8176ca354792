package io.quacklake;

import io.quacklake.exceptions.QuacklakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key of a table's sort order (DuckDB's {@code SET SORTED BY}): rows are written in this order
 * on insert (unless the option {@code sort_on_insert} is false) and when inlined rows are flushed.
 *
 * @param expression a column name, or an expression of the table's columns in DuckDB's SQL
 * @param descending {@code DESC} rather than {@code ASC}
 * @param nullsFirst {@code NULLS FIRST} rather than DuckDB's default {@code NULLS LAST}
 */
public record SortField(String expression, boolean descending, boolean nullsFirst)
    implements java.io.Serializable {
  private static final Pattern KEY =
      Pattern.compile(
          "(?is)\\s*(.+?)(?:\\s+(ASC|DESC))?(?:\\s+NULLS\\s+(FIRST|LAST))?\\s*", Pattern.DOTALL);

  public SortField {
    if (expression == null || expression.isBlank()) {
      throw QuacklakeException.invalid("a sort key needs an expression");
    }
    expression = expression.trim();
  }

  /** An ascending key, NULLs last. */
  public static SortField asc(String expression) {
    return new SortField(expression, false, false);
  }

  /** A descending key, NULLs last. */
  public static SortField desc(String expression) {
    return new SortField(expression, true, false);
  }

  /**
   * Sort keys as {@code SET SORTED BY} takes them: {@code "region DESC NULLS FIRST, id"}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for an empty list or an empty key
   */
  public static List<SortField> parseAll(String text) {
    List<SortField> out = new ArrayList<>();
    for (String part : topLevel(text)) {
      Matcher m = KEY.matcher(part);
      if (part.isBlank() || !m.matches()) {
        throw QuacklakeException.invalid(
            "'%s' is not a sort key; use EXPRESSION [ASC|DESC] [NULLS FIRST|NULLS LAST]", text);
      }
      boolean desc = m.group(2) != null && m.group(2).toUpperCase(Locale.ROOT).equals("DESC");
      boolean first = m.group(3) != null && m.group(3).toUpperCase(Locale.ROOT).equals("FIRST");
      out.add(new SortField(m.group(1), desc, first));
    }
    return out;
  }

  /** The key as {@code SET SORTED BY} writes it. */
  @Override
  public String toString() {
    return expression + (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : "");
  }

  /** {@code text} split at the commas outside parentheses and quotes. */
  private static List<String> topLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
