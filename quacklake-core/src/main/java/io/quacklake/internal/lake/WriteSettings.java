package io.quacklake.internal.lake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogConnection;
import io.quacklake.internal.parquet.ParquetCompression;
import io.quacklake.internal.parquet.ParquetFormatVersion;
import io.quacklake.internal.parquet.ParquetWriteOptions;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The write options DuckDB keeps in {@code ducklake_metadata}, as read at one moment. Each setting
 * is parsed when it is asked for, so a bad value fails only the writes that use it.
 *
 * @param options the options by key: the lake's, or a table's with its schema's and its own
 *     overlaid
 */
record WriteSettings(Map<String, String> options) {
  WriteSettings {
    options = Collections.unmodifiableMap(new HashMap<>(options));
  }

  /** The catalog's lake-wide options now, in one catalog read. */
  static WriteSettings read(CatalogConnection catalog) {
    return new WriteSettings(catalog.globalOptions());
  }

  /** What a data file's writer needs of these settings. */
  record FileSettings(ParquetWriteOptions parquet, long targetFileSize) {}

  FileSettings fileSettings() {
    return new FileSettings(parquetOptions(), targetFileSize());
  }

  /** {@code data_inlining_row_limit}: the catalog's value, else DuckDB's default of 10. */
  int inliningLimit() {
    String v = options.get("data_inlining_row_limit");
    try {
      return v == null ? 10 : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw QuacklakeException.corrupt(
          "catalog option data_inlining_row_limit is '%s', not a number", v);
    }
  }

  /** {@code encrypted}: whether the lake's files are encrypted (DuckDB's {@code ENCRYPTED}). */
  boolean encrypted() {
    String v = options.get("encrypted");
    return v != null && v.trim().equalsIgnoreCase("true");
  }

  /**
   * Refuses a write Quacklake cannot encrypt yet into a lake whose option {@code encrypted} is
   * true, rather than write it unencrypted.
   *
   * @param what the files refused, e.g. "deletion vectors"
   * @throws QuacklakeException UNSUPPORTED naming the option
   */
  void refuseEncrypted(String what) {
    if (encrypted()) {
      throw QuacklakeException.unsupported(
          "this lake is encrypted (option encrypted = true: DuckDB's ENCRYPTED); Quacklake does not"
              + " encrypt %s yet, and writes nothing unencrypted into it: %s",
          what,
          what.equals("deletion vectors")
              ? "set write_deletion_vectors to false, or delete with DuckDB"
              : "write through the Java API or the CLI, which encrypt data and delete files");
    }
  }

  /**
   * {@code sort_on_insert}: whether inserts follow the table's sort keys (DuckDB's default: on).
   */
  boolean sortOnInsert() {
    String v = options.get("sort_on_insert");
    return v == null || !v.trim().equalsIgnoreCase("false");
  }

  /**
   * {@code write_deletion_vectors}: deletes go to Puffin deletion vectors instead of Parquet delete
   * files (DuckDB's experimental option; off by default).
   */
  boolean writeDeletionVectors() {
    String v = options.get("write_deletion_vectors");
    return v != null && v.trim().equalsIgnoreCase("true");
  }

  /**
   * Parquet settings from {@code parquet_compression}, {@code parquet_row_group_size}, {@code
   * parquet_row_group_size_bytes} and {@code parquet_version}, DuckDB's defaults otherwise.
   */
  ParquetWriteOptions parquetOptions() {
    ParquetWriteOptions o = ParquetWriteOptions.defaults();
    String codec = options.get("parquet_compression");
    if (codec != null) {
      o = o.withCompression(compression(codec));
    }
    String rows = options.get("parquet_row_group_size");
    if (rows != null) {
      o = o.withRowGroupRows((int) number("parquet_row_group_size", rows));
    }
    String bytes = options.get("parquet_row_group_size_bytes");
    if (bytes != null) {
      o = o.withRowGroupBytes(number("parquet_row_group_size_bytes", bytes));
    }
    String version = options.get("parquet_version");
    if (version != null) {
      o = o.withFormatVersion(version(version));
    }
    return o.withEncryption(encrypted());
  }

  /**
   * {@code delete_older_than}, DuckDB's default of 2 days: how old an unreferenced file must be
   * before orphan cleanup deletes it, so a commit must not publish files older than half of it.
   */
  java.time.Duration deleteOlderThan() {
    String v = options.get("delete_older_than");
    return v == null || v.isBlank()
        ? java.time.Duration.ofDays(2)
        : io.quacklake.internal.text.Intervals.parse(v);
  }

  /** {@code target_file_size} in bytes: the catalog's value, else DuckDB's 512 MiB. */
  long targetFileSize() {
    String v = options.get("target_file_size");
    return v == null ? 512L << 20 : Math.max(4096, number("target_file_size", v));
  }

  private static ParquetCompression compression(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (ParquetCompression c : ParquetCompression.values()) {
      if (c.name().toLowerCase(Locale.ROOT).equals(v)) {
        return c;
      }
    }
    throw QuacklakeException.unsupported(
        "catalog option parquet_compression is '%s'; Quacklake writes uncompressed, snappy, gzip,"
            + " zstd and lz4_raw",
        value);
  }

  private static ParquetFormatVersion version(String value) {
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "V1", "1" -> ParquetFormatVersion.V1;
      case "V2", "2" -> ParquetFormatVersion.V2;
      default ->
          throw QuacklakeException.corrupt(
              "catalog option parquet_version is '%s'; expected V1 or V2", value);
    };
  }

  private static long number(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw QuacklakeException.corrupt("catalog option %s is '%s', not a number", key, value);
    }
  }
}
