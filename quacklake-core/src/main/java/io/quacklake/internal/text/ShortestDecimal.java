package io.quacklake.internal.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as a given finite, non-zero binary floating-point value, and
 * of those the closest (what Ryu, Grisu and Dragonbox produce).
 *
 * @param digits the significant digits, without leading or trailing zeros
 * @param exponent the decimal exponent of the first digit ({@code 1.5e3} has exponent 3)
 */
record ShortestDecimal(String digits, int exponent) {

  static ShortestDecimal ofDouble(double value) {
    BigDecimal exact = new BigDecimal(Math.abs(value));
    int start = significantDigits(Double.toString(Math.abs(value)));
    return shortest(exact, start, 17, c -> c.doubleValue() == Math.abs(value));
  }

  private interface RoundTrip {
    boolean test(BigDecimal candidate);
  }

  private static ShortestDecimal shortest(BigDecimal exact, int start, int max, RoundTrip trip) {
    BigDecimal best = null;
    int precision = Math.min(start, max);
    BigDecimal c = candidate(exact, precision, trip);
    while (c == null && precision < max) {
      precision++;
      c = candidate(exact, precision, trip);
    }
    while (c != null) {
      best = c;
      if (precision == 1) {
        break;
      }
      precision--;
      c = candidate(exact, precision, trip);
    }
    if (best == null) {
      best = exact.round(new MathContext(max, RoundingMode.HALF_EVEN));
    }
    BigDecimal stripped = best.stripTrailingZeros();
    String digits = stripped.unscaledValue().toString();
    return new ShortestDecimal(digits, digits.length() - 1 - stripped.scale());
  }

  private static BigDecimal candidate(BigDecimal exact, int precision, RoundTrip trip) {
    BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
    if (trip.test(nearest)) {
      return nearest;
    }
    RoundingMode other = nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
    BigDecimal second = exact.round(new MathContext(precision, other));
    return trip.test(second) ? second : null;
  }

  private static int significantDigits(String javaText) {
    int count = 0;
    boolean leading = true;
    int lastNonZero = 0;
    for (int i = 0; i < javaText.length(); i++) {
      char ch = javaText.charAt(i);
      if (ch == 'E') {
        break;
      }
      if (ch < '0' || ch > '9' || (leading && ch == '0')) {
        continue;
      }
      leading = false;
      count++;
      if (ch != '0') {
        lastNonZero = count;
      }
    }
    return Math.max(1, lastNonZero);
  }
}
