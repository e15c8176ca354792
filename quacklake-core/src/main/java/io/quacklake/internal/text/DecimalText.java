package io.quacklake.internal.text;

import java.math.BigDecimal;

/**
 * DuckDB's decimal text: all digits of the scale ({@code 1.50}); when the scale equals the width
 * there is no integer digit at all ({@code .5}, {@code -.010}), in {@code to_json} too.
 */
final class DecimalText {
  private DecimalText() {}

  static void append(StringBuilder out, BigDecimal value, int precision) {
    String s = value.toPlainString();
    if (value.scale() == precision && value.scale() > 0) {
      int zero = s.startsWith("-") ? 1 : 0;
      out.append(s, 0, zero).append(s, zero + 1, s.length());
    } else {
      out.append(s);
    }
  }
}
