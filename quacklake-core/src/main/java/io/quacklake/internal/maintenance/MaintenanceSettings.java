package io.quacklake.internal.maintenance;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.text.Intervals;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The lake options DuckDB's maintenance functions honour, read from {@code ducklake_metadata}.
 *
 * @param options the global options by key
 */
record MaintenanceSettings(Map<String, String> options) {

  /** {@code expire_older_than}, or null when it is not set. */
  Duration expireOlderThan() {
    String v = options.get("expire_older_than");
    return v == null || v.isBlank() ? null : Intervals.parse(v);
  }

  /** {@code delete_older_than}, DuckDB's default of 2 days when it is not set. */
  Duration deleteOlderThan() {
    String v = options.get("delete_older_than");
    return v == null || v.isBlank() ? Duration.ofDays(2) : Intervals.parse(v);
  }

  /** {@code rewrite_delete_threshold}, DuckDB's default of 0.95 when it is not set. */
  double rewriteDeleteThreshold() {
    String v = options.get("rewrite_delete_threshold");
    if (v == null) {
      return 0.95;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw QuacklakeException.corrupt(
          "catalog option rewrite_delete_threshold is '%s', not a number", v);
    }
  }

  /** {@code target_file_size} in bytes, DuckDB's 512 MiB when it is not set. */
  long targetFileSize() {
    String v = options.get("target_file_size");
    if (v == null) {
      return 512L << 20;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw QuacklakeException.corrupt("catalog option target_file_size is '%s', not a number", v);
    }
  }

  /** {@code auto_compact}: whether checkpoint and lake-wide maintenance touch tables. */
  boolean autoCompact() {
    String v = options.get("auto_compact");
    return v == null || v.trim().toLowerCase(Locale.ROOT).equals("true");
  }
}
