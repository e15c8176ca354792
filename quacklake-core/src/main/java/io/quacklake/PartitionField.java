package io.quacklake;

import io.quacklake.exceptions.QuacklakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One key of a table's partitioning.
 *
 * @param column the source column name
 * @param transform {@code identity}, {@code year}, {@code month}, {@code day}, {@code hour}, {@code
 *     bucket(N)}, or on DuckLake 1.1 lakes {@code epoch_year}, {@code epoch_month}, {@code
 *     epoch_day}, {@code epoch_hour} (whole years, months, days or hours since 1970-01-01 UTC)
 */
public record PartitionField(String column, String transform) implements java.io.Serializable {
  /** Bucketing by hash into {@code buckets} partitions, as DuckDB's {@code bucket(N, column)}. */
  public static PartitionField bucket(int buckets, String column) {
    return new PartitionField(column, "bucket(" + buckets + ")");
  }

  private static final Pattern KEY =
      Pattern.compile(
          "\\s*(?:(\\w+)\\s*\\(\\s*(?:(\\d{1,9})\\s*,\\s*)?(\"[^\"]+\"|\\w+)\\s*\\)|(\"[^\"]+\"|\\w+))\\s*");

  /**
   * Partition keys as DuckDB's {@code SET PARTITIONED BY} takes them: {@code "region, year(ts),
   * bucket(8, id)"}; an empty text is no partitioning.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a key of another form
   */
  public static List<PartitionField> parseAll(String text) {
    List<PartitionField> out = new ArrayList<>();
    if (text.isBlank()) {
      return out;
    }
    for (String part : text.split(",(?![^(]*\\))")) {
      Matcher m = KEY.matcher(part);
      if (!m.matches()) {
        throw QuacklakeException.invalid(
            "'%s' is not a partition key; use column or year(column), month(...), day(...),"
                + " hour(...), epoch_year(...) ... epoch_hour(...) (DuckLake 1.1), bucket(N, column)",
            part.trim());
      }
      String function = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
      if (m.group(4) != null) {
        out.add(new PartitionField(unquote(m.group(4)), "identity"));
      } else if (function.equals("bucket") && m.group(2) != null) {
        out.add(bucket(Integer.parseInt(m.group(2)), unquote(m.group(3))));
      } else if (m.group(2) != null) {
        throw QuacklakeException.invalid(
            "'%s' is not a partition key: only bucket takes a number", part.trim());
      } else {
        out.add(new PartitionField(unquote(m.group(3)), function));
      }
    }
    return out;
  }

  private static String unquote(String name) {
    return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
  }

  /**
   * As DuckDB writes it in {@code SET PARTITIONED BY}: {@code region}, {@code year(ts)}, {@code
   * bucket(8, id)}.
   */
  @Override
  public String toString() {
    if (transform.equals("identity")) {
      return column;
    }
    if (transform.startsWith("bucket(") && transform.endsWith(")")) {
      return "bucket(" + transform.substring(7, transform.length() - 1) + ", " + column + ")";
    }
    return transform + "(" + column + ")";
  }
}
