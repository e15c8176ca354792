package io.quacklake.internal.types;

import io.quacklake.types.Interval;
import io.quacklake.types.LakeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

/**
 * DuckDB's order of canonical values of one type: numbers numerically, strings and blobs by
 * unsigned bytes, temporal values chronologically, intervals by their normalised length. NaN is not
 * ordered here (statistics keep it apart).
 */
public final class ValueOrder {
  private ValueOrder() {}

  /** The order of canonical values of {@code type}. */
  public static Comparator<Object> of(LakeType type) {
    return (a, b) -> compare(a, b);
  }

  @SuppressWarnings("unchecked")
  static int compare(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return Arrays.compareUnsigned(
          x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof UUID x && b instanceof UUID y) {
      return x.toString().compareTo(y.toString());
    }
    if (a instanceof Interval x && b instanceof Interval y) {
      return Comparator.comparingLong((Interval i) -> i.months() * 30L + i.days())
          .thenComparingLong(Interval::nanos)
          .compare(x, y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x, y);
    }
    if (a instanceof Number && b instanceof Number) {
      return toBigDecimal(a).compareTo(toBigDecimal(b));
    }
    if (a instanceof LocalDate
        || a instanceof LocalTime
        || a instanceof LocalDateTime
        || a instanceof Instant
        || a instanceof Boolean) {
      return ((Comparable<Object>) a).compareTo(b);
    }
    throw new IllegalArgumentException("cannot order " + a.getClass() + " and " + b.getClass());
  }

  private static BigDecimal toBigDecimal(Object n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(((Number) n).doubleValue());
    }
    return BigDecimal.valueOf(((Number) n).longValue());
  }
}
