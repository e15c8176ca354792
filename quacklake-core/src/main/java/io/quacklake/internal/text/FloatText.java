package io.quacklake.internal.text;

/**
 * DuckDB's two text forms of floating-point numbers: {@code CAST(x AS VARCHAR)} (shortest digits,
 * exponent form below 1e-4 and from 1e16: {@code 1e-05}, {@code 1e+16}) and {@code to_json(x)}
 * (shortest double digits, exponent form below 1e-6 and from 1e21: {@code 1e-7}, {@code 1e21}).
 */
final class FloatText {
  private FloatText() {}

  /** {@code CAST(double AS VARCHAR)}. */
  static void appendDouble(StringBuilder out, double value) {
    if (!special(out, value, "nan", "inf")) {
      castForm(out, value < 0 || isNegativeZero(value), value == 0 ? null : digits(value));
    }
  }

  /** {@code CAST(float AS VARCHAR)}: the shortest digits that read back as the same float. */
  static void appendFloat(StringBuilder out, float value) {
    if (!special(out, value, "nan", "inf")) {
      ShortestDecimal d = value == 0 ? null : FmtFloatDigits.of(Math.abs(value));
      castForm(out, value < 0 || isNegativeZero(value), d);
    }
  }

  /** A double as {@code to_json} writes it ({@code NaN}, {@code Infinity} included). */
  static void appendJson(StringBuilder out, double value) {
    if (special(out, value, "NaN", "Infinity")) {
      return;
    }
    if (value < 0 || isNegativeZero(value)) {
      out.append('-');
    }
    if (value == 0) {
      out.append("0.0");
      return;
    }
    ShortestDecimal d = digits(value);
    if (d.exponent() < -6 || d.exponent() >= 21) {
      exponentForm(out, d, false);
    } else {
      plainForm(out, d);
    }
  }

  private static ShortestDecimal digits(double value) {
    return ShortestDecimal.ofDouble(value);
  }

  private static boolean isNegativeZero(double value) {
    return value == 0 && Double.doubleToRawLongBits(value) != 0;
  }

  private static boolean special(StringBuilder out, double value, String nan, String inf) {
    if (Double.isNaN(value)) {
      out.append(nan);
    } else if (Double.isInfinite(value)) {
      out.append(value < 0 ? "-" : "").append(inf);
    } else {
      return false;
    }
    return true;
  }

  private static void castForm(StringBuilder out, boolean negative, ShortestDecimal d) {
    if (negative) {
      out.append('-');
    }
    if (d == null) {
      out.append("0.0");
    } else if (d.exponent() < -4 || d.exponent() >= 16) {
      exponentForm(out, d, true);
    } else {
      plainForm(out, d);
    }
  }

  private static void exponentForm(StringBuilder out, ShortestDecimal d, boolean cStyle) {
    String digits = d.digits();
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e');
    int e = d.exponent();
    if (cStyle) {
      out.append(e < 0 ? '-' : '+');
      int abs = Math.abs(e);
      if (abs < 10) {
        out.append('0');
      }
      out.append(abs);
    } else {
      out.append(e);
    }
  }

  private static void plainForm(StringBuilder out, ShortestDecimal d) {
    String digits = d.digits();
    int e = d.exponent();
    if (e < 0) {
      out.append("0.");
      for (int i = -1; i > e; i--) {
        out.append('0');
      }
      out.append(digits);
      return;
    }
    int intDigits = e + 1;
    if (digits.length() <= intDigits) {
      out.append(digits);
      for (int i = digits.length(); i < intDigits; i++) {
        out.append('0');
      }
      out.append(".0");
    } else {
      out.append(digits, 0, intDigits).append('.').append(digits, intDigits, digits.length());
    }
  }
}
