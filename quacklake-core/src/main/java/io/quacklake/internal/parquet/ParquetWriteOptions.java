package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import java.util.Objects;

/**
 * How the Parquet writer lays out a file; the defaults are DuckDB's {@code COPY … (FORMAT parquet)}
 * defaults.
 *
 * @param compression the codec of every column chunk
 * @param rowGroupRows rows per row group (DuckDB: 122 880); every row group but the last is full
 * @param rowGroupBytes a row group also ends once its buffered size reaches this many bytes; 0 for
 *     no byte limit
 * @param formatVersion data page format
 * @param pageSizeBytes target size of a data page
 */
public record ParquetWriteOptions(
    ParquetCompression compression,
    int rowGroupRows,
    long rowGroupBytes,
    ParquetFormatVersion formatVersion,
    int pageSizeBytes,
    boolean encrypted)
    implements java.io.Serializable {

  /** DuckDB's default row group size in rows. */
  public static final int DEFAULT_ROW_GROUP_ROWS = 122_880;

  /** parquet-java's default page size (1 MiB). */
  public static final int DEFAULT_PAGE_SIZE_BYTES = 1 << 20;

  public ParquetWriteOptions {
    Objects.requireNonNull(compression, "compression is null");
    Objects.requireNonNull(formatVersion, "formatVersion is null");
    if (rowGroupRows < 1) {
      throw QuacklakeException.invalid("rowGroupRows must be positive, got %d", rowGroupRows);
    }
    if (rowGroupBytes < 0) {
      throw QuacklakeException.invalid("rowGroupBytes must be ≥ 0, got %d", rowGroupBytes);
    }
    if (pageSizeBytes < 1) {
      throw QuacklakeException.invalid("pageSizeBytes must be positive, got %d", pageSizeBytes);
    }
  }

  /** Snappy, 122 880-row row groups, no byte limit, V1 pages of 1 MiB. */
  public static ParquetWriteOptions defaults() {
    return new ParquetWriteOptions(
        ParquetCompression.SNAPPY,
        DEFAULT_ROW_GROUP_ROWS,
        0,
        ParquetFormatVersion.V1,
        DEFAULT_PAGE_SIZE_BYTES,
        false);
  }

  public ParquetWriteOptions withCompression(ParquetCompression value) {
    return new ParquetWriteOptions(
        value, rowGroupRows, rowGroupBytes, formatVersion, pageSizeBytes, encrypted);
  }

  public ParquetWriteOptions withRowGroupRows(int value) {
    return new ParquetWriteOptions(
        compression, value, rowGroupBytes, formatVersion, pageSizeBytes, encrypted);
  }

  public ParquetWriteOptions withRowGroupBytes(long value) {
    return new ParquetWriteOptions(
        compression, rowGroupRows, value, formatVersion, pageSizeBytes, encrypted);
  }

  public ParquetWriteOptions withFormatVersion(ParquetFormatVersion value) {
    return new ParquetWriteOptions(
        compression, rowGroupRows, rowGroupBytes, value, pageSizeBytes, encrypted);
  }

  public ParquetWriteOptions withPageSizeBytes(int value) {
    return new ParquetWriteOptions(
        compression, rowGroupRows, rowGroupBytes, formatVersion, value, encrypted);
  }

  /**
   * Whether files are encrypted as DuckDB encrypts the files of an {@code ENCRYPTED} lake (a new
   * key per file).
   */
  public ParquetWriteOptions withEncryption(boolean value) {
    return new ParquetWriteOptions(
        compression, rowGroupRows, rowGroupBytes, formatVersion, pageSizeBytes, value);
  }
}
