package io.quacklake.internal.write;

import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.LakeColumn;
import java.util.HexFormat;

/**
 * Statistics values as DuckDB writes them into {@code ducklake_file_column_stats}: booleans as
 * {@code 0}/{@code 1}, blobs as upper-case hex, everything else as DuckDB's VARCHAR cast (time
 * zones as {@code +00}, decimals at their scale). Text containing a NUL byte is not stored.
 */
public final class StatsText {
  private StatsText() {}

  /**
   * A column's min and max as stats text, both null when unknown.
   *
   * @param min lower bound text, or null
   * @param max upper bound text, or null
   * @param minExact whether {@code min} is the smallest value itself (not a shortened bound)
   * @param maxExact whether {@code max} is the largest value itself
   */
  public record Bounds(String min, String max, boolean minExact, boolean maxExact) {}

  /**
   * The stats text of a column's smallest and largest value, bounded as DuckDB's Parquet writer
   * bounds string and blob statistics: values longer than 256 bytes become a shorter lower bound (a
   * prefix) and upper bound (a prefix rounded up), so the text stays short and pruning stays
   * correct. When the largest value cannot be rounded up within 256 bytes, both are unknown.
   */
  public static Bounds bounds(Object min, Object max, LakeColumn column) {
    Object low = min;
    Object high = max;
    switch (column.type().id()) {
      case VARCHAR, JSON -> {
        low = min == null ? null : StatsTruncation.lower((String) min);
        high = max == null ? null : StatsTruncation.upper((String) max);
      }
      case BLOB -> {
        low = min == null ? null : StatsTruncation.lower((byte[]) min);
        high = max == null ? null : StatsTruncation.upper((byte[]) max);
      }
      default -> {}
    }
    if (max != null && high == null) {
      return new Bounds(null, null, false, false);
    }
    String lowText = format(low, column);
    String highText = format(high, column);
    return new Bounds(
        lowText, highText, lowText != null && same(low, min), highText != null && same(high, max));
  }

  private static boolean same(Object bound, Object value) {
    return bound instanceof byte[] b && value instanceof byte[] v
        ? java.util.Arrays.equals(b, v)
        : java.util.Objects.equals(bound, value);
  }

  public static String format(Object value, LakeColumn column) {
    if (value == null) {
      return null;
    }
    String text =
        switch (column.type().id()) {
          case BOOLEAN -> ((Boolean) value) ? "1" : "0";
          case BLOB -> HexFormat.of().withUpperCase().formatHex((byte[]) value);
          default -> DuckDbText.format(value, column);
        };
    return text.indexOf('\0') >= 0 ? null : text;
  }

  /** Reads stats text back, accepting both the file form and the VARCHAR-cast form. */
  public static Object parse(String text, LakeColumn column) {
    if (text == null) {
      return null;
    }
    switch (column.type().id()) {
      case BOOLEAN:
        if (text.equals("0") || text.equals("1")) {
          return text.equals("1");
        }
        break;
      case BLOB:
        if (text.matches("([0-9A-Fa-f]{2})*") && !text.isEmpty()) {
          return HexFormat.of().parseHex(text);
        }
        break;
      default:
        break;
    }
    return DuckDbText.parse(text, column);
  }
}
