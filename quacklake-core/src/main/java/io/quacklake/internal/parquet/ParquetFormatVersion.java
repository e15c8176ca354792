package io.quacklake.internal.parquet;

/** The Parquet data page format: V1 (DuckDB's default) or V2 ({@code parquet_version=V2}). */
public enum ParquetFormatVersion {
  V1,
  V2
}
