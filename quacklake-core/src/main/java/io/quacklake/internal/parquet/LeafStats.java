package io.quacklake.internal.parquet;

/**
 * Statistics of one leaf column over a whole written file, as DuckLake stores them in {@code
 * ducklake_file_column_stats}.
 *
 * @param nullCount sum of the Parquet null counts (for leaves under a list or map this includes the
 *     slots of NULL and empty lists)
 * @param valueCount non-NULL values: Parquet {@code num_values} minus {@code nullCount}
 * @param columnSizeBytes sum of the compressed sizes of the column chunks
 * @param min smallest value as a canonical {@link io.quacklake.types.LakeValues} object, or null
 *     when unknown or not kept for the type (int128, uint128, interval, timetz, geometry)
 * @param max largest value, like {@code min}
 * @param containsNan whether a NaN was written; null for non-floating-point columns
 * @param extraStats DuckDB's {@code extra_stats} JSON (a geometry column's bounding box and types),
 *     or null
 */
public record LeafStats(
    long nullCount,
    long valueCount,
    long columnSizeBytes,
    Object min,
    Object max,
    Boolean containsNan,
    String extraStats)
    implements java.io.Serializable {

  /** Statistics without {@code extra_stats}. */
  public LeafStats(
      long nullCount,
      long valueCount,
      long columnSizeBytes,
      Object min,
      Object max,
      Boolean containsNan) {
    this(nullCount, valueCount, columnSizeBytes, min, max, containsNan, null);
  }
}
