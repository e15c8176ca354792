package io.quacklake;

/**
 * One key of a table's partitioning.
 *
 * @param column the source column name
 * @param transform {@code identity}, {@code year}, {@code month}, {@code day}, {@code hour} or
 *     {@code bucket(N)}
 */
public record PartitionField(String column, String transform) {
  /** As DuckDB writes it in {@code SET PARTITIONED BY}: {@code region}, {@code year(ts)}. */
  @Override
  public String toString() {
    return transform.equals("identity") ? column : transform + "(" + column + ")";
  }
}
