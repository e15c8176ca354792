package io.quacklake.internal.text;

/**
 * How DuckDB writes a primitive's text inside the VARCHAR form of a list, struct or map: quoted
 * with {@code '…'} (escaping {@code '} and {@code \} with a backslash) when empty, when it starts
 * with a space, ends with one, equals {@code null} in any case, or contains one of {@code
 * "'(),:=[]{}\}}; otherwise as is. Struct field names are always quoted.
 */
final class NestedQuoting {
  private NestedQuoting() {}

  static void append(StringBuilder out, CharSequence text, boolean alwaysQuote) {
    if (alwaysQuote || needsQuotes(text)) {
      out.append('\'');
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch == '\'' || ch == '\\') {
          out.append('\\');
        }
        out.append(ch);
      }
      out.append('\'');
    } else {
      out.append(text);
    }
  }

  private static boolean needsQuotes(CharSequence s) {
    int n = s.length();
    if (n == 0 || isSpace(s.charAt(0)) || (n >= 2 && isSpace(s.charAt(n - 1)))) {
      return true;
    }
    if (n == 4 && s.toString().equalsIgnoreCase("null")) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      if ("\"'(),:=[]{}\\".indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  static boolean isSpace(char ch) {
    return ch == ' ' || (ch >= '\t' && ch <= '\r');
  }
}
