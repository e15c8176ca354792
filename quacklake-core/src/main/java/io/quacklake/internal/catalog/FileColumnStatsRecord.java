package io.quacklake.internal.catalog;

/** A {@code ducklake_file_column_stats} row: stats text as DuckDB wrote it. */
public record FileColumnStatsRecord(
    long dataFileId,
    long columnId,
    Long valueCount,
    Long nullCount,
    String minValue,
    String maxValue,
    Boolean containsNan,
    String extraStats) {}
