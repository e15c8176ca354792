package io.quacklake.internal.expr.scalar;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** {@code abs}, {@code floor}, {@code ceil} and {@code round} on canonical numbers. */
final class NumericFunctions {
  private NumericFunctions() {}

  static Object apply(String name, Object v, LakeType type) {
    if (v instanceof Double d) {
      double r =
          switch (name) {
            case "abs" -> Math.abs(d);
            case "floor" -> Math.floor(d);
            default -> Math.ceil(d);
          };
      return type.id() == TypeId.FLOAT32 ? (double) (float) r : r;
    }
    if (v instanceof BigDecimal d) {
      return switch (name) {
        case "abs" -> d.abs();
        case "floor" -> d.setScale(0, RoundingMode.FLOOR);
        default -> d.setScale(0, RoundingMode.CEILING);
      };
    }
    if (!name.equals("abs")) {
      return v;
    }
    BigInteger abs = Conversions.bigInteger(v).abs();
    if (!ScalarTypes.fits(abs, type.id())) {
      throw QuacklakeException.invalid(
          "Overflow on abs(%s) of %s; CAST it to a wider type such as BIGINT",
          v, ScalarTypes.name(type));
    }
    return Conversions.integer(abs, type.id());
  }

  /** {@code -v}: the same type; negating an integer type's smallest value is an overflow. */
  static Object negate(Object v, LakeType type) {
    if (v instanceof Double d) {
      return -d;
    } else if (v instanceof BigDecimal d) {
      return d.negate();
    } else if (v instanceof io.quacklake.types.Interval i) {
      return new io.quacklake.types.Interval(
          Math.negateExact(i.months()), Math.negateExact(i.days()), Math.negateExact(i.nanos()));
    }
    BigInteger n = Conversions.bigInteger(v).negate();
    if (!ScalarTypes.fits(n, type.id())) {
      throw QuacklakeException.invalid(
          "Overflow in negation of %s (-%s); CAST it to a wider type such as BIGINT",
          ScalarTypes.name(type), v);
    }
    return Conversions.integer(n, type.id());
  }

  /** DuckDB's round: half away from zero, to {@code digits} after the point (negative: before). */
  static Object round(Object v, LakeType type, LakeType out, int digits) {
    if (v instanceof Double d) {
      double r;
      if (digits >= 0) {
        double modifier = Math.pow(10, digits);
        r = halfAway(d * modifier) / modifier;
      } else {
        double modifier = Math.pow(10, -digits);
        r = halfAway(d / modifier) * modifier;
      }
      if (Double.isInfinite(r) || Double.isNaN(r)) {
        r = d;
      }
      return type.id() == TypeId.FLOAT32 ? (double) (float) r : r;
    }
    if (v instanceof BigDecimal d) {
      return d.setScale(digits, RoundingMode.HALF_UP)
          .setScale(out.scale(), RoundingMode.UNNECESSARY);
    }
    if (digits >= 0) {
      return v;
    }
    BigInteger r =
        new BigDecimal(Conversions.bigInteger(v))
            .setScale(digits, RoundingMode.HALF_UP)
            .setScale(0, RoundingMode.UNNECESSARY)
            .toBigIntegerExact();
    if (!ScalarTypes.fits(r, type.id())) {
      throw QuacklakeException.invalid(
          "Overflow on round(%s, %d) of %s", v, digits, ScalarTypes.name(type));
    }
    return Conversions.integer(r, type.id());
  }

  /** C's {@code round}: to the nearest integer, halves away from zero. */
  static double halfAway(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double t = x < 0 ? Math.ceil(x) : Math.floor(x);
    return Math.abs(x - t) >= 0.5 ? t + Math.signum(x) : t;
  }
}
