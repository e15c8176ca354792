package io.quacklake.internal.txn;

import io.quacklake.exceptions.QuacklakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code changes_made} text with DuckDB's grammar: {@code token:value} entries separated by
 * commas, a comma inside double quotes does not split, a trailing comma is allowed. Names in a
 * value are double-quoted, an inner quote doubled, and joined by dots ({@code "schema"."name"}).
 */
final class ChangesMadeParser {
  /**
   * One entry as written, before its token and value are checked.
   *
   * @param token the text before the colon
   * @param value the text after the colon, or null when there is no colon
   */
  record Entry(String token, String value) {}

  private ChangesMadeParser() {}

  /** Splits the text into entries; never fails. */
  static List<Entry> entries(String text) {
    List<Entry> out = new ArrayList<>();
    int pos = 0;
    while (pos < text.length()) {
      int end = pos;
      while (end < text.length() && text.charAt(end) != ':' && text.charAt(end) != ',') {
        end++;
      }
      String token = text.substring(pos, end);
      String value = null;
      pos = end;
      if (end < text.length() && text.charAt(end) == ':') {
        int start = end + 1;
        boolean quoted = false;
        for (pos = start; pos < text.length(); pos++) {
          char ch = text.charAt(pos);
          if (ch == ',' && !quoted) {
            break;
          }
          if (ch == '"') {
            quoted = !quoted;
          }
        }
        value = text.substring(start, pos);
      }
      out.add(new Entry(token, value));
      if (pos < text.length()) {
        pos++; // the separating comma
      }
    }
    return out;
  }

  /**
   * Reads every entry as a {@link Change}.
   *
   * @throws QuacklakeException CORRUPT for an unknown token or a value that does not fit it
   */
  static List<Change> parse(String text) {
    List<Change> out = new ArrayList<>();
    for (Entry entry : entries(text)) {
      out.add(change(entry, text));
    }
    return out;
  }

  /**
   * The unquoted names of a value such as {@code "main"."t"}; empty unless every name is quoted and
   * the quotes are balanced.
   */
  static Optional<List<String>> names(String value) {
    List<String> names = new ArrayList<>();
    int i = 0;
    while (true) {
      if (i >= value.length() || value.charAt(i) != '"') {
        return Optional.empty();
      }
      StringBuilder name = new StringBuilder();
      i++;
      while (true) {
        if (i >= value.length()) {
          return Optional.empty();
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
        return Optional.of(names);
      }
      if (value.charAt(i) != '.') {
        return Optional.empty();
      }
      i++;
    }
  }

  private static Change change(Entry entry, String text) {
    String token = entry.token();
    ChangeKind kind =
        ChangeKind.fromToken(token)
            .orElseThrow(() -> corrupt(text, "unsupported change type '" + token + "'"));
    String value = entry.value();
    if (value == null) {
      throw corrupt(text, "expected ':' after change type '" + token + "'");
    }
    switch (kind.shape()) {
      case ID:
        return new Change.IdChange(kind, id(kind, value, text));
      case SCHEMA_NAME:
        {
          List<String> names =
              names(value)
                  .filter(n -> n.size() == 1)
                  .orElseThrow(
                      () ->
                          corrupt(
                              text,
                              "expected one quoted name after '"
                                  + kind.token()
                                  + "', got "
                                  + value));
          return new Change.CreatedSchema(names.get(0));
        }
      default:
        {
          List<String> names =
              names(value)
                  .filter(n -> n.size() == 2)
                  .orElseThrow(
                      () ->
                          corrupt(
                              text,
                              "expected \"schema\".\"name\" after '"
                                  + kind.token()
                                  + "', got "
                                  + value));
          return new Change.CreatedEntry(kind, names.get(0), names.get(1));
        }
    }
  }

  private static long id(ChangeKind kind, String value, String text) {
    if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw corrupt(
          text, "expected a numeric id after '" + kind.token() + "', got '" + value + "'");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw corrupt(text, "id out of range after '" + kind.token() + "': " + value);
    }
  }

  private static QuacklakeException corrupt(String text, String problem) {
    return QuacklakeException.corrupt(
        "cannot read changes_made: %s in \"%s\"; the snapshot log was not written by a"
            + " compatible DuckLake writer",
        problem, text);
  }
}
