package io.quacklake.internal.parquet;

/** The BIGINT columns DuckDB adds to some data files, recognised by their field ids. */
public enum DuckLakeSystemColumn {
  /** The row's global row id (Iceberg's {@code _row_id} field id). */
  ROW_ID("_ducklake_internal_row_id", 2147483540L),
  /** The snapshot that inserted the row (Iceberg's {@code _last_updated_sequence_number} id). */
  SNAPSHOT_ID("_ducklake_internal_snapshot_id", 2147483539L);

  private final String columnName;
  private final long fieldId;

  DuckLakeSystemColumn(String columnName, long fieldId) {
    this.columnName = columnName;
    this.fieldId = fieldId;
  }

  public String columnName() {
    return columnName;
  }

  public long fieldId() {
    return fieldId;
  }
}
