package io.quacklake.internal.expr;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * BLOB text as DuckDB casts it ({@code \xHH} escapes, other characters as their UTF-8 bytes) and
 * UUID text (hex digits with optional hyphens and braces, any case).
 */
final class BinaryText {
  private BinaryText() {}

  /** The bytes of blob text, or null when an escape is malformed. */
  static byte[] parseBlob(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 3 >= text.length() || (text.charAt(i + 1) != 'x' && text.charAt(i + 1) != 'X')) {
          return null;
        }
        int hi = Character.digit(text.charAt(i + 2), 16);
        int lo = Character.digit(text.charAt(i + 3), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi * 16 + lo);
        i += 3;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  static String formatBlob(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      int v = b & 0xFF;
      if (v >= 0x20 && v < 0x7F && v != '\\' && v != '\'') {
        sb.append((char) v);
      } else {
        sb.append(String.format("\\x%02X", v));
      }
    }
    return sb.toString();
  }

  /** The UUID, or null when the text is not one. */
  static UUID parseUuid(String text) {
    String t = text.trim();
    if (t.startsWith("{") && t.endsWith("}")) {
      t = t.substring(1, t.length() - 1);
    }
    t = t.replace("-", "");
    if (t.length() != 32) {
      return null;
    }
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 32; i++) {
      int d = Character.digit(t.charAt(i), 16);
      if (d < 0) {
        return null;
      }
      if (i < 16) {
        msb = msb << 4 | d;
      } else {
        lsb = lsb << 4 | d;
      }
    }
    return new UUID(msb, lsb);
  }
}
