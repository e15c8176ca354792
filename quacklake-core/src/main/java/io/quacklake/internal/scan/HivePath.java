package io.quacklake.internal.scan;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Reads hive partition values ({@code key=value} directories) from a file's path. */
public final class HivePath {
  private HivePath() {}

  /**
   * The value of {@code key} in the path's {@code key=value} directories (the last one wins),
   * percent-decoded as DuckDB encodes it; null when the path has none or the value is {@code NULL}.
   */
  public static String value(String path, String key) {
    String[] parts = path.split("/");
    String found = null;
    for (int i = 0; i < parts.length - 1; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0 && decode(parts[i].substring(0, eq)).equalsIgnoreCase(key)) {
        found = decode(parts[i].substring(eq + 1));
      }
    }
    return found == null || found.equals("NULL") || found.equals("__HIVE_DEFAULT_PARTITION__")
        ? null
        : found;
  }

  /** The {@code key=value} directories of a path, keys lower-cased, values percent-decoded. */
  public static java.util.Map<String, String> values(String path) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0) {
        out.put(
            decode(parts[i].substring(0, eq)).toLowerCase(java.util.Locale.ROOT),
            decode(parts[i].substring(eq + 1)));
      }
    }
    return out;
  }

  private static String decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%'
          && i + 2 < bytes.length
          && hex(bytes[i + 1]) >= 0
          && hex(bytes[i + 2]) >= 0) {
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit(b, 16);
  }
}
