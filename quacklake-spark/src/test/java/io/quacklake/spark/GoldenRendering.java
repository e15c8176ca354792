package io.quacklake.spark;

import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.util.Locale;
import java.util.Set;

/**
 * Spark's values in the golden expected files' text: each column is selected as a Spark expression
 * that renders it as DuckDB's {@code CAST(value AS VARCHAR)} does (Spark's own cast, nested values
 * by Spark's {@code to_json}, blobs by {@code hex}), and DuckDB's text is brought to what Spark can
 * hold (floats compared as numbers at their precision, nanoseconds cut to Spark's microseconds,
 * time zones in UTC, blobs as hex).
 */
final class GoldenRendering {
  private GoldenRendering() {}

  private static final Set<TypeId> CAST_TO_STRING =
      Set.of(
          TypeId.BOOLEAN,
          TypeId.INT8,
          TypeId.INT16,
          TypeId.INT32,
          TypeId.INT64,
          TypeId.UINT8,
          TypeId.UINT16,
          TypeId.UINT32,
          TypeId.UINT64,
          TypeId.INT128,
          TypeId.UINT128,
          TypeId.FLOAT32,
          TypeId.FLOAT64,
          TypeId.DECIMAL,
          TypeId.DATE,
          TypeId.TIME,
          TypeId.INTERVAL,
          TypeId.UUID,
          TypeId.JSON,
          TypeId.TIMESTAMP,
          TypeId.TIMESTAMP_S,
          TypeId.TIMESTAMP_MS,
          TypeId.TIMESTAMP_NS,
          TypeId.TIMESTAMPTZ,
          TypeId.VARCHAR);

  /**
   * The Spark expression rendering {@code column}.
   *
   * @throws AssertionError for a type with no rendering here: the golden lakes hold none, and a new
   *     one needs its rendering written rather than its column left out of the comparison
   */
  static String select(LakeColumn column) {
    String quoted = "`" + column.name() + "`";
    TypeId type = column.type().id();
    if (CAST_TO_STRING.contains(type)) {
      return "CAST(" + quoted + " AS STRING)";
    }
    return switch (type) {
      case BLOB -> "hex(" + quoted + ")";
      case LIST, STRUCT, MAP -> "to_json(" + quoted + ", map('ignoreNullFields', 'false'))";
      default ->
          throw new AssertionError(
              "no rendering of "
                  + type
                  + " (column "
                  + column.name()
                  + ") to compare with DuckDB's text; write one in GoldenRendering");
    };
  }

  /** DuckDB's text of a value as Spark renders it. */
  static String expected(TypeId type, String duckdb) {
    if (duckdb == null) {
      return null;
    }
    return switch (type) {
      case TIMESTAMPTZ -> timestamp(duckdb.replaceAll("\\+00$", ""));
      case TIMESTAMP_NS -> timestamp(duckdb);
      case FLOAT32, FLOAT64 -> number(type, duckdb);
      case BLOB -> hex(duckdb);
      default -> duckdb;
    };
  }

  /** Spark's rendering of a value, with floats as numbers (as {@link #expected} has them). */
  static String actual(TypeId type, String spark) {
    return spark != null && (type == TypeId.FLOAT32 || type == TypeId.FLOAT64)
        ? number(type, spark)
        : spark;
  }

  /** Fractions cut to microseconds, without trailing zeros, as Spark prints timestamps. */
  private static String timestamp(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return text;
    }
    String fraction = text.substring(dot + 1, Math.min(text.length(), dot + 7));
    fraction = fraction.replaceAll("0+$", "");
    return fraction.isEmpty() ? text.substring(0, dot) : text.substring(0, dot + 1) + fraction;
  }

  /** DuckDB's blob text ({@code a\\x00}: printable bytes as they are, others escaped) as hex. */
  private static String hex(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\x", i)) {
        out.append(text, i + 2, i + 4);
        i += 3;
      } else {
        out.append(String.format("%02X", (int) text.charAt(i)));
      }
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** A float as a number: its shortest text at its own precision. */
  private static String number(TypeId type, String text) {
    return switch (text) {
      case "inf", "Infinity" -> "Infinity";
      case "-inf", "-Infinity" -> "-Infinity";
      case "nan", "NaN", "-nan" -> "NaN";
      default ->
          type == TypeId.FLOAT32
              ? Float.toString(Float.parseFloat(text))
              : Double.toString(Double.parseDouble(text));
    };
  }
}
