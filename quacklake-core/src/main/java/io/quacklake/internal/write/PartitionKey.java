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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key of a partition spec: a top-level column and its transform ({@code identity}, {@code
 * year}, {@code month}, {@code day}, {@code hour}, {@code bucket(N)}, and from DuckLake 1.1 on the
 * Iceberg-style {@code epoch_year}, {@code epoch_month}, {@code epoch_day}, {@code epoch_hour}),
 * computing partition values as DuckDB writes them into {@code ducklake_file_partition_value} and
 * into hive directory names.
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
      case "epoch_year", "epoch_month", "epoch_day", "epoch_hour" -> {
        if (!temporal) {
          throw QuacklakeException.invalid(
              "cannot partition by %s(%s): the column is %s, not a date or timestamp",
              transform, column.name(), column.sqlTypeName());
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
              "partition transform %s is not supported; use identity, year, month, day, hour,"
                  + " epoch_year, epoch_month, epoch_day, epoch_hour or bucket(N)",
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
  public static int buckets(String transform) {
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

  /** Whether this is one of the {@code epoch_*} transforms, which need DuckLake 1.1. */
  public boolean epoch() {
    return isEpoch(transform);
  }

  /** Whether a transform name is one of the {@code epoch_*} transforms. */
  public static boolean isEpoch(String transform) {
    return transform.startsWith("epoch_");
  }

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
    return directory(hiveKey(), value);
  }

  /**
   * As {@link #directory(String)} under a given key name, for a spec whose keys would clash (see
   * {@link #hiveKeys}).
   */
  public static String directory(String key, String value) {
    return escape(key) + "=" + (value == null ? "__HIVE_DEFAULT_PARTITION__" : escape(value));
  }

  /**
   * The hive key names of a whole spec as DuckDB picks them: the plain key, or on a
   * (case-insensitive) clash with an earlier one {@code key_column}, then {@code key_column_2}, ...
   */
  public static List<String> hiveKeys(List<PartitionKey> keys) {
    Set<String> used = new HashSet<>();
    List<String> out = new ArrayList<>(keys.size());
    for (PartitionKey k : keys) {
      String name = k.hiveKey();
      if (used.contains(name.toLowerCase(Locale.ROOT))) {
        String base = name + "_" + k.column().name();
        name = base;
        for (int n = 2; used.contains(name.toLowerCase(Locale.ROOT)); n++) {
          name = base + "_" + n;
        }
      }
      used.add(name.toLowerCase(Locale.ROOT));
      out.add(name);
    }
    return out;
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
          case "hour" -> t.getHour();
          case "epoch_year" -> t.getYear() - 1970L;
          case "epoch_month" -> (t.getYear() - 1970L) * 12 + t.getMonthValue() - 1;
          case "epoch_day" -> t.toLocalDate().toEpochDay();
          default -> Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 3600L);
        };
    return Long.toString(n);
  }
}
