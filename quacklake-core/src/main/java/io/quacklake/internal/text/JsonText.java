package io.quacklake.internal.text;

/**
 * JSON text as DuckDB's {@code to_json} writes it: strings escape {@code "}, {@code \} and control
 * characters (short escapes such as {@code \n}, else a {@code u00XX} escape with upper-case hex);
 * {@code /} and non-ASCII stay as they are. JSON values are rewritten minified, numbers normalised
 * as DuckDB does.
 */
final class JsonText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private JsonText() {}

  static void appendQuoted(StringBuilder out, CharSequence s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (ch < 0x20) {
            out.append("\\u00").append(HEX[ch >> 4]).append(HEX[ch & 0xF]);
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }

  /** Appends a JSON document minified; text that is not JSON is appended as a JSON string. */
  static void appendMinified(StringBuilder out, String json) {
    int mark = out.length();
    try {
      JsonMinifier minifier = new JsonMinifier(json, out);
      minifier.document();
    } catch (IllegalArgumentException e) {
      out.setLength(mark);
      appendQuoted(out, json);
    }
  }
}
