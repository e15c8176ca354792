package io.quacklake.internal.write;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key of a partition spec: a top-level column and its transform ({@code identity}, {@code
 * year}, {@code month}, {@code day}, {@code hour}, {@code bucket(N)}), computing partition values
 * as DuckDB writes them into {@code ducklake_file_partition_value} and into hive directory names.
 */
public record PartitionKey(int keyIndex, LakeColumn column, String transform) {
  public PartitionKey {
    boolean temporal = column.type().id() == TypeId.DATE || column.type().id().isTimestamp();
    switch (transform) {
      case "identity" -> {
        if (column.type().id().isNested()) {
          throw QuacklakeException.invalid("cannot partition by nested column %s", column.name());
        }
      }
      case "year", "month", "day", "hour" -> {
        if (!temporal || (transform.equals("hour") && column.type().id() == TypeId.DATE)) {
          throw QuacklakeException.invalid(
              "cannot partition by %s(%s): the column is %s, not a date or timestamp",
              transform, column.name(), column.sqlTypeName());
        }
      }
      default -> {
        if (transform.startsWith("bucket(") && buckets(transform) < 0) {
          throw QuacklakeException.invalid(
              "%s(%s) needs a bucket count between 1 and 2147483647, e.g. bucket(8)",
              transform, column.name());
        }
        if (buckets(transform) < 0) {
          throw QuacklakeException.unsupported(
              "partition transform %s is not supported; use identity, year, month, day, hour or"
                  + " bucket(N)",
              transform);
        }
        if (!BucketHash.supports(column.type().id())) {
          throw QuacklakeException.invalid(
              "cannot partition by %s(%s): columns of type %s cannot be bucketed",
              transform, column.name(), column.sqlTypeName());
        }
      }
    }
  }

  /** N of a {@code bucket(N)} transform (1 ≤ N ≤ 2^31-1), or -1 for another transform. */
  static int buckets(String transform) {
    Matcher m = BUCKET.matcher(transform);
    if (!m.matches()) {
      return -1;
    }
    try {
      int n = Integer.parseInt(m.group(1));
      return n >= 1 ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static final Pattern BUCKET = Pattern.compile("bucket\\((\\d+)\\)");

  /** The hive directory key: the column name for identity, {@code bucket}, else the transform. */
  public String hiveKey() {
    if (transform.equals("identity")) {
      return column.name();
    }
    return buckets(transform) > 0 ? "bucket" : transform;
  }

  /**
   * The hive directory of a partition value, {@code key=value}, with key and value escaped as
   * DuckDB escapes them (URL encoding of every byte but {@code A-Z a-z 0-9 _ - . ~}, so neither can
   * hold a {@code /}); NULL is {@code __HIVE_DEFAULT_PARTITION__}.
   *
   * @param value the partition value from {@link #value}, null for NULL
   */
  public String directory(String value) {
    return escape(hiveKey()) + "=" + (value == null ? "__HIVE_DEFAULT_PARTITION__" : escape(value));
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
      }
    }
    return out.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** The partition value of a canonical value, as DuckDB text; null for NULL. */
  public String value(Object v) {
    if (v == null) {
      return null;
    }
    if (transform.equals("identity")) {
      return DuckDbText.format(v, column);
    }
    int buckets = buckets(transform);
    if (buckets > 0) {
      return Integer.toString(BucketHash.bucket(v, column, buckets));
    }
    LocalDateTime t =
        v instanceof LocalDate d
            ? d.atStartOfDay()
            : v instanceof Instant i
                ? LocalDateTime.ofInstant(i, ZoneOffset.UTC)
                : (LocalDateTime) v;
    long n =
        switch (transform) {
          case "year" -> t.getYear();
          case "month" -> t.getMonthValue();
          case "day" -> t.getDayOfMonth();
          default -> t.getHour();
        };
    return Long.toString(n);
  }
}
