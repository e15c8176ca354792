package io.quacklake.txn;

import io.quacklake.QuacklakeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code changes_made} text with DuckDB's grammar: {@code token:value} entries separated by
 * commas, a comma inside double quotes does not split, a trailing comma is allowed.
 */
final class ChangesMadeParser {
  private final String text;
  private int pos;

  private ChangesMadeParser(String text) {
    this.text = text;
  }

  static List<Change> parse(String text) {
    return new ChangesMadeParser(text).entries();
  }

  private List<Change> entries() {
    List<Change> out = new ArrayList<>();
    while (pos < text.length()) {
      out.add(entry());
      if (pos < text.length()) {
        pos++; // the separating comma
      }
    }
    return out;
  }

  private Change entry() {
    int end = pos;
    while (end < text.length() && text.charAt(end) != ':' && text.charAt(end) != ',') {
      end++;
    }
    String token = text.substring(pos, end);
    ChangeKind kind =
        ChangeKind.fromToken(token)
            .orElseThrow(() -> corrupt("unsupported change type '" + token + "'"));
    if (end == text.length() || text.charAt(end) != ':') {
      throw corrupt("expected ':' after change type '" + token + "'");
    }
    pos = end + 1;
    int start = pos;
    boolean quoted = false;
    for (; pos < text.length(); pos++) {
      char ch = text.charAt(pos);
      if (ch == ',' && !quoted) {
        break;
      }
      if (ch == '"') {
        quoted = !quoted;
      }
    }
    return value(kind, text.substring(start, pos));
  }

  private Change value(ChangeKind kind, String value) {
    switch (kind.shape()) {
      case ID:
        return new Change.IdChange(kind, id(kind, value));
      case SCHEMA_NAME:
        {
          List<String> names = names(kind, value);
          if (names.size() != 1) {
            throw corrupt("expected one quoted name after '" + kind.token() + "', got " + value);
          }
          return new Change.CreatedSchema(names.get(0));
        }
      default:
        {
          List<String> names = names(kind, value);
          if (names.size() != 2) {
            throw corrupt(
                "expected \"schema\".\"name\" after '" + kind.token() + "', got " + value);
          }
          return new Change.CreatedEntry(kind, names.get(0), names.get(1));
        }
    }
  }

  private long id(ChangeKind kind, String value) {
    if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw corrupt("expected a numeric id after '" + kind.token() + "', got '" + value + "'");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw corrupt("id out of range after '" + kind.token() + "': " + value);
    }
  }

  /** Splits {@code "a"."b"} into its unquoted parts; every part must be quoted. */
  private List<String> names(ChangeKind kind, String value) {
    List<String> names = new ArrayList<>();
    int i = 0;
    while (true) {
      if (i >= value.length() || value.charAt(i) != '"') {
        throw corrupt("expected a quoted name after '" + kind.token() + "', got " + value);
      }
      StringBuilder name = new StringBuilder();
      i++;
      while (true) {
        if (i >= value.length()) {
          throw corrupt("unterminated quote after '" + kind.token() + "': " + value);
        }
        char ch = value.charAt(i++);
        if (ch != '"') {
          name.append(ch);
        } else if (i < value.length() && value.charAt(i) == '"') {
          name.append('"');
          i++;
        } else {
          break;
        }
      }
      names.add(name.toString());
      if (i == value.length()) {
        return names;
      }
      if (value.charAt(i) != '.') {
        throw corrupt("unexpected text after a quoted name in " + value);
      }
      i++;
    }
  }

  private QuacklakeException corrupt(String problem) {
    return QuacklakeException.corrupt(
        "cannot read changes_made: %s in \"%s\"; the snapshot log was not written by a"
            + " compatible DuckLake writer",
        problem, text);
  }
}
