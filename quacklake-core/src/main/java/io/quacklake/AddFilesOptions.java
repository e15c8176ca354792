package io.quacklake;

/**
 * How {@link Transaction#addDataFiles} maps existing Parquet files onto a table, as DuckDB's {@code
 * ducklake_add_data_files} options do.
 *
 * @param allowMissing table columns a file does not hold read as NULL (else the file is refused)
 * @param ignoreExtraColumns file columns the table does not have are ignored (else refused)
 */
public record AddFilesOptions(boolean allowMissing, boolean ignoreExtraColumns) {
  /** Every table column must be in the file, and nothing else. */
  public static AddFilesOptions defaults() {
    return new AddFilesOptions(false, false);
  }
}
