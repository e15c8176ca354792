package io.quacklake.internal.write;

import java.util.Arrays;

/**
 * Bounds long string and blob statistics as DuckDB's Parquet writer does ({@code
 * StringStatisticsState}): a value longer than {@link #MAX_BYTES} bytes keeps as its min a prefix
 * of at most that many bytes (cut at a UTF-8 character boundary for text), and as its max a prefix
 * whose last byte below {@code 0x7F} (text) or {@code 0xFF} (blob) is incremented, so the bound
 * stays at or above every value. A max that cannot be bounded so (no such byte among the first
 * {@link #MAX_BYTES}) leaves the column without min and max.
 */
final class StatsTruncation {
  /** DuckDB's {@code MAX_STRING_STATISTICS_SIZE}. */
  static final int MAX_BYTES = 256;

  private StatsTruncation() {}

  /** A lower bound of {@code value} of at most {@link #MAX_BYTES} UTF-8 bytes. */
  static String lower(String value) {
    int bytes = 0;
    int i = 0;
    while (i < value.length()) {
      int cp = value.codePointAt(i);
      int width = utf8Width(cp);
      if (bytes + width > MAX_BYTES) {
        return value.substring(0, i);
      }
      bytes += width;
      i += Character.charCount(cp);
    }
    return value;
  }

  /**
   * An upper bound of {@code value} of at most {@link #MAX_BYTES} UTF-8 bytes, or null when none
   * exists in DuckDB's form.
   */
  static String upper(String value) {
    int bytes = 0;
    int i = 0;
    int increment = -1;
    while (i < value.length()) {
      int cp = value.codePointAt(i);
      int width = utf8Width(cp);
      if (bytes + width > MAX_BYTES) {
        break;
      }
      if (cp < 0x7F) {
        increment = i;
      }
      bytes += width;
      i += Character.charCount(cp);
    }
    if (i == value.length()) {
      return value;
    }
    if (increment < 0) {
      return null;
    }
    return value.substring(0, increment) + (char) (value.charAt(increment) + 1);
  }

  /** A lower bound of {@code value} of at most {@link #MAX_BYTES} bytes. */
  static byte[] lower(byte[] value) {
    return value.length <= MAX_BYTES ? value : Arrays.copyOf(value, MAX_BYTES);
  }

  /** An upper bound of {@code value} of at most {@link #MAX_BYTES} bytes, or null when none. */
  static byte[] upper(byte[] value) {
    if (value.length <= MAX_BYTES) {
      return value;
    }
    for (int end = MAX_BYTES; end > 0; end--) {
      if ((value[end - 1] & 0xFF) < 0xFF) {
        byte[] bound = Arrays.copyOf(value, end);
        bound[end - 1]++;
        return bound;
      }
    }
    return null;
  }

  private static int utf8Width(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
