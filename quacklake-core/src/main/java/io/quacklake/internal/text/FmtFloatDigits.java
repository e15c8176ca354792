package io.quacklake.internal.text;

import java.math.BigInteger;

/**
 * The digits DuckDB's formatter (the fmt 6 library's Grisu, run with float boundaries) gives for a
 * float. Grisu proves its result shortest or gives up; when it gives up, fmt falls back to the
 * shortest digits of the value widened to double. That is why DuckDB prints {@code 1402359.25} and
 * {@code 43864368.0} where the shortest float digits would be {@code 1402359.2} and {@code
 * 43864370.0}. All arithmetic is unsigned 64-bit, as in the C++ original.
 */
final class FmtFloatDigits {
  private static final int MIN_EXP = -60;
  private static final long IMPLICIT_BIT = 1L << 52;
  private static final long[] POW10 = new long[20];
  private static final long[] CACHED_SIGNIFICANDS = new long[87];
  private static final int[] CACHED_EXPONENTS = new int[87];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
    for (int i = 0; i < CACHED_SIGNIFICANDS.length; i++) {
      cachePower(i, -348 + 8 * i);
    }
  }

  private FmtFloatDigits() {}

  /** The digits of a finite, positive float as DuckDB prints them. */
  static ShortestDecimal of(float value) {
    ShortestDecimal grisu = grisu(value);
    return grisu != null ? grisu : ShortestDecimal.ofDouble(value);
  }

  private static ShortestDecimal grisu(float value) {
    long bits = Double.doubleToRawLongBits(value);
    long f = bits & (IMPLICIT_BIT - 1);
    int biased = (int) (bits >>> 52) & 0x7FF;
    if (biased != 0) {
      f += IMPLICIT_BIT;
    } else {
      biased = 1;
    }
    int e = biased - 1023 - 52;
    int minNormalE = -125 - 53;
    long halfUlp = 1L << 28;
    if (minNormalE > e) {
      halfUlp <<= minNormalE - e;
    }
    long upperF = f + halfUlp;
    int upperE = e;
    while ((upperF & IMPLICIT_BIT) == 0) {
      upperF <<= 1;
      upperE--;
    }
    upperF <<= 11;
    upperE -= 11;
    long lowerF = f - (halfUlp >>> ((f == IMPLICIT_BIT && e > minNormalE) ? 1 : 0));
    lowerF <<= e - upperE;

    long valueF = f;
    int valueE = e;
    while ((valueF & IMPLICIT_BIT) == 0) {
      valueF <<= 1;
      valueE--;
    }
    valueF <<= 11;
    valueE -= 11;

    int minExponent = MIN_EXP - (valueE + 64);
    int index = (int) (((minExponent + 63) * 0x4d104d42L + ((1L << 32) - 1)) >> 32);
    index = (index + 347) / 8 + 1;
    int cachedExp10 = -348 + index * 8;
    long cachedF = CACHED_SIGNIFICANDS[index];

    long scaledF = multiply(valueF, cachedF);
    int scaledE = valueE + CACHED_EXPONENTS[index] + 64;
    long lower = multiply(lowerF, cachedF) - 1;
    long upper = multiply(upperF, cachedF) + 1;
    return new Generator(upper - scaledF).run(upper, scaledE, upper - lower, cachedExp10);
  }

  /** Grisu digit generation with fmt's shortest handler (round_weed). */
  private static final class Generator {
    private final long diff;
    private final StringBuilder digits = new StringBuilder(10);

    Generator(long diff) {
      this.diff = diff;
    }

    ShortestDecimal run(long upper, int e, long error, int cachedExp10) {
      int shift = -e;
      long one = 1L << shift;
      long integral = upper >>> shift;
      long fractional = upper & (one - 1);
      int exp = Long.toString(integral).length();
      int result;
      do {
        long divisor = POW10[exp - 1];
        long digit = integral / divisor;
        integral %= divisor;
        exp--;
        long remainder = (integral << shift) + fractional;
        result = onDigit(digit, POW10[exp] << shift, remainder, error, exp, true);
      } while (result == MORE && exp > 0);
      while (result == MORE) {
        fractional *= 10;
        error *= 10;
        long digit = fractional >>> shift;
        fractional &= one - 1;
        exp--;
        result = onDigit(digit, one, fractional, error, exp, false);
      }
      if (result == ERROR) {
        return null;
      }
      String d = digits.toString();
      int end = d.length();
      while (end > 1 && d.charAt(end - 1) == '0') {
        end--;
      }
      int start = 0;
      while (start < end - 1 && d.charAt(start) == '0') {
        start++;
      }
      return new ShortestDecimal(
          d.substring(start, end), d.length() - 1 - start + exp - cachedExp10);
    }

    private static final int MORE = 0;
    private static final int DONE = 1;
    private static final int ERROR = 2;

    private int onDigit(
        long digit, long divisor, long remainder, long error, int exp, boolean integral) {
      digits.append((char) ('0' + digit));
      if (Long.compareUnsigned(remainder, error) >= 0) {
        return MORE;
      }
      long unit = integral ? 1 : POW10[-exp];
      long up = (diff - 1) * unit;
      remainder = round(up, divisor, remainder, error);
      long down = (diff + 1) * unit;
      if (lt(remainder, down)
          && !lt(error - remainder, divisor)
          && (lt(remainder + divisor, down) || lt(remainder + divisor - down, down - remainder))) {
        return ERROR;
      }
      return !lt(remainder, 2 * unit) && !lt(error - 4 * unit, remainder) ? DONE : ERROR;
    }

    private long round(long d, long divisor, long remainder, long error) {
      while (lt(remainder, d)
          && !lt(error - remainder, divisor)
          && (lt(remainder + divisor, d) || !lt(d - remainder, remainder + divisor - d))) {
        int last = digits.length() - 1;
        digits.setCharAt(last, (char) (digits.charAt(last) - 1));
        remainder += divisor;
      }
      return remainder;
    }
  }

  private static boolean lt(long a, long b) {
    return Long.compareUnsigned(a, b) < 0;
  }

  private static long multiply(long a, long b) {
    long high = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    long low = a * b;
    return (low & (1L << 63)) != 0 ? high + 1 : high;
  }

  private static void cachePower(int index, int k) {
    BigInteger num = k >= 0 ? BigInteger.TEN.pow(k) : BigInteger.ONE;
    BigInteger den = k >= 0 ? BigInteger.ONE : BigInteger.TEN.pow(-k);
    int e = num.bitLength() - den.bitLength() - 64;
    while (true) {
      BigInteger n = e < 0 ? num.shiftLeft(-e) : num;
      BigInteger d = e > 0 ? den.shiftLeft(e) : den;
      BigInteger[] qr = n.divideAndRemainder(d);
      if (qr[0].bitLength() > 64) {
        e++;
      } else if (qr[0].bitLength() < 64) {
        e--;
      } else {
        BigInteger q = qr[1].shiftLeft(1).compareTo(d) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        CACHED_SIGNIFICANDS[index] = q.longValue();
        CACHED_EXPONENTS[index] = e;
        return;
      }
    }
  }
}
