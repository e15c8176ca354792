package io.quacklake.internal.types;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One Java value offered for one Arrow field, converted to the primitive the vector stores. Accepts
 * the canonical class and exact equivalents; anything else is an INVALID_ARGUMENT error that names
 * the field and both classes.
 */
public final class ValueCoercion {
  private final Field field;
  private final Object value;

  public ValueCoercion(Field field, Object value) {
    this.field = field;
    this.value = value;
  }

  public boolean bool() {
    if (value instanceof Boolean b) {
      return b;
    }
    throw wrongClass("Boolean");
  }

  /** The value as the bits of a {@code bits}-wide integer, range-checked. */
  public long integer(int bits, boolean signed) {
    if (bits < 64 && isIntegral(value) && !(value instanceof BigInteger)) {
      long v = ((Number) value).longValue();
      long min = signed ? -(1L << (bits - 1)) : 0;
      long max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
      if (v < min || v > max) {
        throw QuacklakeException.invalid(
            "field '%s': %d is out of range [%d, %d]", field.getName(), v, min, max);
      }
      return v;
    }
    BigInteger v = integral();
    BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max =
        signed
            ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
            : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw QuacklakeException.invalid(
          "field '%s': %s is out of range [%s, %s]", field.getName(), v, min, max);
    }
    return v.longValue();
  }

  /** The value as a signed 128-bit integer, range-checked. */
  public BigInteger int128() {
    BigInteger v = integral();
    if (v.bitLength() > 127) {
      throw QuacklakeException.invalid(
          "field '%s': %s is out of the int128 range", field.getName(), v);
    }
    return v;
  }

  public double floating() {
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).doubleValue();
    }
    throw wrongClass("Double");
  }

  /** The value as a decimal at {@code scale} with at most {@code precision} digits. */
  public BigDecimal decimal(int precision, int scale) {
    BigDecimal d;
    if (value instanceof BigDecimal b) {
      d = b;
    } else if (isIntegral(value)) {
      d = new BigDecimal(integral());
    } else {
      throw wrongClass(scale == 0 ? "BigInteger" : "BigDecimal");
    }
    try {
      d = d.setScale(scale);
    } catch (ArithmeticException e) {
      throw QuacklakeException.invalid(
          "field '%s': %s does not fit scale %d without rounding; round it first",
          field.getName(), d.toPlainString(), scale);
    }
    if (d.precision() > precision && d.signum() != 0) {
      throw QuacklakeException.invalid(
          "field '%s': %s has more than %d digits", field.getName(), d.toPlainString(), precision);
    }
    return d;
  }

  public int epochDay() {
    if (value instanceof LocalDate d) {
      if (d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN)) {
        return d.equals(LocalDate.MAX) ? Integer.MAX_VALUE : -Integer.MAX_VALUE;
      }
      long day = d.toEpochDay();
      if (day >= Integer.MAX_VALUE || day <= -Integer.MAX_VALUE) {
        throw QuacklakeException.invalid("field '%s': date %s is out of range", field.getName(), d);
      }
      return (int) day;
    }
    throw wrongClass("LocalDate");
  }

  public long nanoOfDay() {
    if (value instanceof LocalTime t) {
      // LocalTime.MAX stands for DuckDB's 24:00:00.
      return t.equals(LocalTime.MAX) ? 86_400_000_000_000L : t.toNanoOfDay();
    }
    if (value instanceof OffsetTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().toNanoOfDay();
    }
    throw wrongClass("LocalTime");
  }

  /** Units since the epoch; {@code timezone} null means a local (zone-less) timestamp. */
  public long epochUnits(long unitsPerSecond, String timezone) {
    long seconds;
    int nanos;
    if (timezone == null && value instanceof LocalDateTime t) {
      if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
        return t.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : -Long.MAX_VALUE;
      }
      seconds = t.toEpochSecond(ZoneOffset.UTC);
      nanos = t.getNano();
    } else if (timezone != null && instant() != null) {
      Instant i = instant();
      if (i.equals(Instant.MAX) || i.equals(Instant.MIN)) {
        return i.equals(Instant.MAX) ? Long.MAX_VALUE : -Long.MAX_VALUE;
      }
      seconds = i.getEpochSecond();
      nanos = i.getNano();
    } else {
      throw wrongClass(timezone == null ? "LocalDateTime" : "Instant");
    }
    try {
      return Math.addExact(
          Math.multiplyExact(seconds, unitsPerSecond), nanos / (1_000_000_000L / unitsPerSecond));
    } catch (ArithmeticException e) {
      throw QuacklakeException.invalid(
          "field '%s': %s is out of range for the column's unit", field.getName(), value);
    }
  }

  public Interval interval() {
    if (value instanceof Interval i) {
      return i;
    }
    if (value instanceof Duration d) {
      long days = d.toDays();
      return new Interval(0, Math.toIntExact(days), d.minusDays(days).toNanos());
    }
    if (value instanceof Period p) {
      return new Interval(Math.toIntExact(p.toTotalMonths()), p.getDays(), 0);
    }
    throw wrongClass("Interval");
  }

  public String string() {
    if (value instanceof CharSequence s) {
      return s.toString();
    }
    throw wrongClass("String");
  }

  public byte[] bytes() {
    if (value instanceof byte[] b) {
      return b;
    }
    if (value instanceof ByteBuffer b) {
      ByteBuffer copy = b.duplicate();
      byte[] out = new byte[copy.remaining()];
      copy.get(out);
      return out;
    }
    throw wrongClass("byte[]");
  }

  public UUID uuid() {
    if (value instanceof UUID u) {
      return u;
    }
    if (value instanceof String s) {
      try {
        return UUID.fromString(s);
      } catch (IllegalArgumentException e) {
        throw QuacklakeException.invalid("field '%s': '%s' is not a UUID", field.getName(), s);
      }
    }
    throw wrongClass("UUID");
  }

  public List<?> list() {
    if (value instanceof List<?> l) {
      return l;
    }
    if (value instanceof Object[] a) {
      return Arrays.asList(a);
    }
    throw wrongClass("List");
  }

  public Map<?, ?> map() {
    if (value instanceof Map<?, ?> m) {
      return m;
    }
    throw wrongClass("Map");
  }

  private Instant instant() {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (value instanceof ZonedDateTime t) {
      return t.toInstant();
    }
    return null;
  }

  private BigInteger integral() {
    if (value instanceof BigInteger b) {
      return b;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigDecimal d) {
      try {
        return d.toBigIntegerExact();
      } catch (ArithmeticException e) {
        throw QuacklakeException.invalid(
            "field '%s': %s is not a whole number", field.getName(), d.toPlainString());
      }
    }
    throw wrongClass("Long");
  }

  private static boolean isIntegral(Object v) {
    return v instanceof BigInteger
        || v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte;
  }

  private QuacklakeException wrongClass(String expected) {
    return QuacklakeException.invalid(
        "field '%s' (%s) expects a %s value, got %s",
        field.getName(), field.getType(), expected, value.getClass().getName());
  }
}
