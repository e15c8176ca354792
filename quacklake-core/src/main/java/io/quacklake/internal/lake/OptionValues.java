package io.quacklake.internal.lake;

import io.quacklake.exceptions.QuacklakeException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an option value before {@code set_option} stores it, as DuckDB does: numbers for the
 * counts, sizes with units ({@code 10MB} = 10,000,000 bytes, {@code 1KiB} = 1,024) for the byte
 * sizes, a fraction for {@code rewrite_delete_threshold}, a codec, a boolean; options that describe
 * the whole lake only at lake scope. Other names are stored as given.
 */
public final class OptionValues {
  private static final Set<String> LAKE_ONLY =
      Set.of("version", "data_path", "created_by", "encrypted", "expire_older_than");
  private static final Set<String> COUNTS =
      Set.of("data_inlining_row_limit", "parquet_row_group_size", "parquet_compression_level");
  private static final Set<String> SIZES =
      Set.of("target_file_size", "parquet_row_group_size_bytes");
  private static final Set<String> BOOLEANS =
      Set.of(
          "auto_compact",
          "per_thread_output",
          "require_commit_message",
          "write_deletion_vectors",
          "sort_on_insert");
  private static final Pattern SIZE =
      Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|bytes?|kb|mb|gb|tb|kib|mib|gib|tib)?\\s*");

  private OptionValues() {}

  /**
   * The value to store for {@code key}, normalised (a size in bytes, {@code true}/{@code false}).
   *
   * @param scoped whether it is set for a schema or a table
   * @throws QuacklakeException INVALID_ARGUMENT naming the option, the value and what it takes
   */
  public static String normalize(String key, String value, boolean scoped) {
    String k = key.toLowerCase(Locale.ROOT);
    if (scoped && LAKE_ONLY.contains(k)) {
      throw QuacklakeException.invalid(
          "option %s applies to the whole lake; set it without a schema or table", key);
    }
    String v = value.trim();
    if (COUNTS.contains(k)) {
      try {
        long n = Long.parseLong(v);
        if (n < 0) {
          throw new NumberFormatException();
        }
        return Long.toString(n);
      } catch (NumberFormatException e) {
        throw QuacklakeException.invalid(
            "option %s takes a whole number of 0 or more, got '%s'", key, value);
      }
    }
    if (SIZES.contains(k)) {
      Matcher m = SIZE.matcher(v);
      if (!m.matches()) {
        throw QuacklakeException.invalid(
            "option %s takes a size in bytes such as 536870912, 512MB or 512MiB, got '%s'",
            key, value);
      }
      String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
      long factor =
          switch (unit) {
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "tb" -> 1_000_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> 1L;
          };
      return new BigDecimal(m.group(1))
          .multiply(BigDecimal.valueOf(factor))
          .toBigInteger()
          .toString();
    }
    if (k.equals("rewrite_delete_threshold")) {
      try {
        double d = Double.parseDouble(v);
        if (d >= 0 && d <= 1) {
          return v;
        }
      } catch (NumberFormatException e) {
        // falls through to the error
      }
      throw QuacklakeException.invalid(
          "option rewrite_delete_threshold takes a fraction from 0 to 1, got '%s'", value);
    }
    if (BOOLEANS.contains(k)) {
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        return v.toLowerCase(Locale.ROOT);
      }
      throw QuacklakeException.invalid("option %s takes true or false, got '%s'", key, value);
    }
    if (k.equals("parquet_compression")) {
      Set<String> codecs =
          Set.of("uncompressed", "snappy", "gzip", "zstd", "brotli", "lz4", "lz4_raw");
      if (!codecs.contains(v.toLowerCase(Locale.ROOT))) {
        throw QuacklakeException.invalid(
            "option parquet_compression takes one of %s, got '%s'", codecs, value);
      }
      return v.toLowerCase(Locale.ROOT);
    }
    return value;
  }
}
