package io.quacklake.internal.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A constant on the key axis of an exact {@link KeySpace}: a rational given by its floor and
 * whether it is an integer, or an infinity that compares above ({@code +1}, also NaN) or below
 * ({@code -1}) every key.
 */
record ExactKey(BigInteger floor, boolean integral, int infinity) {
  static final ExactKey ABOVE_ALL = new ExactKey(null, false, 1);
  static final ExactKey BELOW_ALL = new ExactKey(null, false, -1);

  static ExactKey of(BigInteger value) {
    return new ExactKey(value, true, 0);
  }

  static ExactKey of(BigDecimal value) {
    BigDecimal f = value.setScale(0, RoundingMode.FLOOR);
    return new ExactKey(f.toBigIntegerExact(), f.compareTo(value) == 0, 0);
  }

  /** {@code numerator / denominator} for a positive denominator. */
  static ExactKey ratio(BigInteger numerator, BigInteger denominator) {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    BigInteger q = qr[0];
    if (qr[1].signum() < 0) {
      q = q.subtract(BigInteger.ONE);
    }
    return new ExactKey(q, qr[1].signum() == 0, 0);
  }

  BigInteger ceil() {
    return integral ? floor : floor.add(BigInteger.ONE);
  }
}
