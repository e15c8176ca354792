package io.quacklake.internal.types;

import io.quacklake.exceptions.QuacklakeException;
import java.util.ArrayList;
import java.util.List;

/** Splits DuckDB type and column-definition text into tokens, each with its 1-based position. */
final class SqlTypeTokens {
  enum Kind {
    WORD,
    QUOTED,
    STRING,
    NUMBER,
    SYMBOL,
    END
  }

  /**
   * One token.
   *
   * @param text the word or symbol as written; for quoted names and strings the unquoted value
   */
  record Token(Kind kind, String text, int position) {
    boolean is(String symbolOrWord) {
      return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equalsIgnoreCase(symbolOrWord);
    }

    String describe() {
      return switch (kind) {
        case END -> "the end";
        case STRING -> "'" + text + "'";
        case QUOTED -> "\"" + text + "\"";
        default -> "'" + text + "'";
      };
    }
  }

  private SqlTypeTokens() {}

  static List<Token> of(String sql) {
    List<Token> out = new ArrayList<>();
    int pos = 0;
    while (true) {
      while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
        pos++;
      }
      if (pos >= sql.length()) {
        out.add(new Token(Kind.END, "", sql.length() + 1));
        return out;
      }
      int start = pos;
      char c = sql.charAt(pos);
      if (Character.isLetter(c) || c == '_') {
        while (pos < sql.length()
            && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_')) {
          pos++;
        }
        out.add(new Token(Kind.WORD, sql.substring(start, pos), start + 1));
      } else if (Character.isDigit(c) || c == '.') {
        while (pos < sql.length()
            && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
          pos++;
        }
        out.add(new Token(Kind.NUMBER, sql.substring(start, pos), start + 1));
      } else if (c == '\'' || c == '"') {
        StringBuilder value = new StringBuilder();
        pos = quoted(sql, pos, value);
        out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, value.toString(), start + 1));
      } else {
        pos++;
        out.add(new Token(Kind.SYMBOL, String.valueOf(c), start + 1));
      }
    }
  }

  /** Reads a quoted token (doubled quote = one quote) into {@code value}; returns the end. */
  private static int quoted(String sql, int start, StringBuilder value) {
    char quote = sql.charAt(start);
    int pos = start + 1;
    while (pos < sql.length()) {
      char c = sql.charAt(pos++);
      if (c != quote) {
        value.append(c);
      } else if (pos < sql.length() && sql.charAt(pos) == quote) {
        value.append(quote);
        pos++;
      } else {
        return pos;
      }
    }
    throw QuacklakeException.invalid(
        "unterminated %s starting at position %d of \"%s\"",
        quote == '\'' ? "string" : "quoted name", start + 1, sql);
  }
}
