package io.quacklake;

import io.quacklake.exceptions.QuacklakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table's qualified name. Parsed from {@code schema.table} or {@code table} (schema {@code
 * main}); identifiers may be double-quoted with {@code ""} as an escaped quote.
 */
public record TableName(String schema, String table) {
  public static final String DEFAULT_SCHEMA = "main";

  public TableName {
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(table, "table is null");
  }

  public static TableName parse(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    String s = text == null ? "" : text.trim();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          current.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == '.') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(ch);
      }
    }
    parts.add(current.toString());
    if (quoted || parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
      throw QuacklakeException.invalid(
          "'%s' is not a table name; use table or schema.table (quote names with \"\")", text);
    }
    return parts.size() == 1
        ? new TableName(DEFAULT_SCHEMA, parts.get(0))
        : new TableName(parts.get(0), parts.get(1));
  }

  @Override
  public String toString() {
    return schema + "." + table;
  }

  /**
   * {@code schema.table} with each part in double quotes unless it is a plain identifier (letters,
   * digits and {@code _}, not starting with a digit), so that {@link #parse} gives this name back
   * and a shell passes it as one argument.
   */
  public String quoted() {
    return quote(schema) + "." + quote(table);
  }

  private static String quote(String part) {
    return part.matches("[A-Za-z_][A-Za-z0-9_]*") ? part : '"' + part.replace("\"", "\"\"") + '"';
  }
}
