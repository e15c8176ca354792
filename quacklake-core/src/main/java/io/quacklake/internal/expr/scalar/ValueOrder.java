package io.quacklake.internal.expr.scalar;

import io.quacklake.types.Interval;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.UUID;

/**
 * DuckDB's order of two non-NULL canonical values of one type: numbers by value (NaN equal to
 * itself and above every number, -0 equal to 0), text by code point (UTF-8 byte order), intervals
 * normalised (a month is 30 days, a day 24 hours), UUIDs and blobs as unsigned bytes.
 */
final class ValueOrder {
  private static final BigInteger NANOS_PER_DAY = BigInteger.valueOf(86_400_000_000_000L);
  private static final BigInteger DAYS_PER_MONTH = BigInteger.valueOf(30);

  private ValueOrder() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    } else if (a instanceof Double x && b instanceof Double y) {
      return doubles(x, y);
    } else if (a instanceof Number && b instanceof Number) {
      if (a instanceof Double || b instanceof Double) {
        return doubles(Conversions.toDouble(a), Conversions.toDouble(b));
      }
      return Conversions.decimal(a).compareTo(Conversions.decimal(b));
    } else if (a instanceof String x && b instanceof String y) {
      return text(x, y);
    } else if (a instanceof Interval x && b instanceof Interval y) {
      return normalised(x).compareTo(normalised(y));
    } else if (a instanceof UUID x && b instanceof UUID y) {
      int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
      return c != 0
          ? c
          : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    } else if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    return ((Comparable) a).compareTo(b);
  }

  static int doubles(double x, double y) {
    boolean nx = Double.isNaN(x);
    boolean ny = Double.isNaN(y);
    if (nx || ny) {
      return nx == ny ? 0 : nx ? 1 : -1;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private static int text(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int cx = x.codePointAt(i);
      int cy = y.codePointAt(j);
      if (cx != cy) {
        return Integer.compare(cx, cy);
      }
      i += Character.charCount(cx);
      j += Character.charCount(cy);
    }
    return Boolean.compare(i < x.length(), j < y.length());
  }

  private static BigInteger normalised(Interval i) {
    BigInteger days =
        BigInteger.valueOf(i.months()).multiply(DAYS_PER_MONTH).add(BigInteger.valueOf(i.days()));
    return days.multiply(NANOS_PER_DAY).add(BigInteger.valueOf(i.nanos()));
  }
}
