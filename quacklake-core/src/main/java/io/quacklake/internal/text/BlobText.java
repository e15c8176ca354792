package io.quacklake.internal.text;

import io.quacklake.exceptions.QuacklakeException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * DuckDB's blob text: printable ASCII as is, except {@code "}, {@code '} and {@code \}; every other
 * byte as {@code \xHH} with upper-case hex.
 */
final class BlobText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private BlobText() {}

  static void append(StringBuilder out, byte[] bytes) {
    for (byte b : bytes) {
      int v = b & 0xFF;
      if (v < 0x20 || v > 0x7E || v == '"' || v == '\'' || v == '\\') {
        out.append("\\x").append(HEX[v >> 4]).append(HEX[v & 0xF]);
      } else {
        out.append((char) v);
      }
    }
  }

  /** Parses {@code \xHH} escapes; other characters stand for their UTF-8 bytes. */
  static byte[] parse(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '\\') {
        if (i + 4 > text.length() || (text.charAt(i + 1) != 'x' && text.charAt(i + 1) != 'X')) {
          throw bad(text);
        }
        int hi = Character.digit(text.charAt(i + 2), 16);
        int lo = Character.digit(text.charAt(i + 3), 16);
        if (hi < 0 || lo < 0) {
          throw bad(text);
        }
        out.write(hi << 4 | lo);
        i += 4;
      } else {
        int end = i + Character.charCount(text.codePointAt(i));
        out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return out.toByteArray();
  }

  private static QuacklakeException bad(String text) {
    return QuacklakeException.invalid(
        "'%s' is not blob text: a backslash must start a \\xHH escape with two hex digits", text);
  }
}
