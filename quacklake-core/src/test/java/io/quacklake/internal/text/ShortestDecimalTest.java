package io.quacklake.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Schubfach's digits (jackson-core) with the one-digit rule equal the shortest-then-closest decimal
 * found by search (the nearest at each length, ties to even — the definition, and what DuckDB
 * prints) on edge values and 200,000 random bit patterns.
 */
class ShortestDecimalTest {
  /** The definition by brute force: the shortest decimal that reads back, the closest of those. */
  private static ShortestDecimal bySearch(double value) {
    BigDecimal exact = new BigDecimal(Math.abs(value));
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      BigDecimal found = null;
      if (nearest.doubleValue() == Math.abs(value)) {
        found = nearest;
      } else {
        RoundingMode other =
            nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
        BigDecimal second = exact.round(new MathContext(precision, other));
        if (second.doubleValue() == Math.abs(value)) {
          found = second;
        }
      }
      if (found != null) {
        BigDecimal stripped = found.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new ShortestDecimal(digits, digits.length() - 1 - stripped.scale());
      }
    }
    throw new AssertionError("no decimal reads back as " + value);
  }

  @Test
  void edgeValues() {
    double[] values = {
      Double.MIN_VALUE,
      2 * Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Double.MAX_VALUE,
      1,
      0.1,
      0.3,
      1e23,
      2e23,
      9.007199254740993E15,
      5e-324,
      1.7976931348623157e308,
      123.45,
      1e-5,
      3.4e38,
      -2.25,
      1.0 / 3
    };
    for (double v : values) {
      assertThat(ShortestDecimal.ofDouble(v)).as("%s", v).isEqualTo(bySearch(v));
    }
    assertThat(ShortestDecimal.ofDouble(Double.MIN_VALUE))
        .isEqualTo(new ShortestDecimal("5", -324));
  }

  @Test
  void randomBitPatterns() {
    SplittableRandom random = new SplittableRandom(20261206);
    int checked = 0;
    while (checked < 200_000) {
      double v = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
        continue;
      }
      assertThat(ShortestDecimal.ofDouble(v)).as("%s", v).isEqualTo(bySearch(v));
      checked++;
    }
  }
}
