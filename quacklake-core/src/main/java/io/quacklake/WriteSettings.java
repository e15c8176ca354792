package io.quacklake;

import io.quacklake.parquet.ParquetCompression;
import io.quacklake.parquet.ParquetFormatVersion;
import java.util.Locale;

/** Parses the write options DuckDB keeps in {@code ducklake_metadata}. */
final class WriteSettings {
  private WriteSettings() {}

  static ParquetCompression compression(String value) {
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

  static ParquetFormatVersion version(String value) {
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "V1", "1" -> ParquetFormatVersion.V1;
      case "V2", "2" -> ParquetFormatVersion.V2;
      default ->
          throw QuacklakeException.corrupt(
              "catalog option parquet_version is '%s'; expected V1 or V2", value);
    };
  }

  static long number(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw QuacklakeException.corrupt("catalog option %s is '%s', not a number", key, value);
    }
  }
}
