package io.quacklake;

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
