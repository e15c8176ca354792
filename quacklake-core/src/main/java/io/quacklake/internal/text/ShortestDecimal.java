package io.quacklake.internal.text;

import com.fasterxml.jackson.core.io.NumberOutput;
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

  /**
   * The digits Schubfach gives (jackson-core's {@code NumberOutput}, ~40 times faster than a
   * search). Schubfach's one difference from Ryu/Dragonbox: when a single digit reads back, it may
   * prefer a closer two-digit decimal (Double.MIN_VALUE is {@code 4.9E-324}, DuckDB prints {@code
   * 5e-324}); that case is checked and the single digit kept, as DuckDB does.
   */
  static ShortestDecimal ofDouble(double value) {
    double v = Math.abs(value);
    ShortestDecimal d = parse(NumberOutput.toString(v, true));
    if (d.digits.length() == 2) {
      ShortestDecimal one = oneDigit(v, d);
      if (one != null) {
        return one;
      }
    }
    return d;
  }

  /** The closest one-digit decimal that reads back as {@code v}, or null. */
  private static ShortestDecimal oneDigit(double v, ShortestDecimal two) {
    BigDecimal exact = new BigDecimal(v);
    ShortestDecimal best = null;
    BigDecimal bestDistance = null;
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
      BigDecimal c = exact.round(new MathContext(1, mode));
      if (c.doubleValue() == v) {
        BigDecimal distance = c.subtract(exact).abs();
        if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
          BigDecimal stripped = c.stripTrailingZeros();
          String digits = stripped.unscaledValue().toString();
          best = new ShortestDecimal(digits, digits.length() - 1 - stripped.scale());
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  /** Java's text of a positive finite double ({@code 123.45}, {@code 1.0E-5}) as digits. */
  static ShortestDecimal parse(String text) {
    int e = text.indexOf('E');
    String mantissa = e < 0 ? text : text.substring(0, e);
    int exp = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
    int dot = mantissa.indexOf('.');
    String intPart = dot < 0 ? mantissa : mantissa.substring(0, dot);
    String frac = dot < 0 ? "" : mantissa.substring(dot + 1);
    String all = intPart + frac;
    int lead = 0;
    while (lead < all.length() - 1 && all.charAt(lead) == '0') {
      lead++;
    }
    int end = all.length();
    while (end > lead + 1 && all.charAt(end - 1) == '0') {
      end--;
    }
    String digits = all.substring(lead, end);
    return new ShortestDecimal(digits, intPart.length() - 1 - lead + exp);
  }
}
