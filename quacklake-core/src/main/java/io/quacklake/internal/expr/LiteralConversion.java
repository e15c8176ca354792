package io.quacklake.internal.expr;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Literal;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts a literal to a constant on its column's key axis ({@link KeySpace}) the way DuckDB does
 * for {@code column OP literal}: a string is cast to the column's type (numbers rounded half away
 * from zero, a timestamp string to a DATE column keeps the date, an offset is ignored for TIMESTAMP
 * and applied for TIMESTAMPTZ); numbers compare exactly with integer and decimal columns ({@code id
 * < 10.5} holds for 10); a number becomes a FLOAT for a FLOAT column unless it is a DOUBLE literal
 * ({@code 1e-1}); dates, timestamps and instants compare on one time line (UTC).
 */
final class LiteralConversion {
  private LiteralConversion() {}

  /**
   * The constant: an {@link ExactKey}, a {@code Double} or a {@code byte[]} by the space's family;
   * null for a NULL literal.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the literal does not convert
   */
  static Object convert(Literal literal, LakeColumn column, KeySpace space) {
    Object v = literal.value();
    if (v == null) {
      return null;
    }
    Object key = key(v, space);
    if (key == null) {
      throw QuacklakeException.invalid(
          "Cannot compare column %s of type %s with literal %s: %s",
          SqlText.identifier(column.name()), column.sqlTypeName(), literal, hint(v, space));
    }
    return key;
  }

  /** The constant of a non-null value, or null when it does not convert. */
  static Object key(Object v, KeySpace space) {
    return switch (space.family()) {
      case LONG, BIG -> v instanceof String s ? exactFromText(s, space) : exact(v, space);
      case DOUBLE -> floating(v, space.type().id() == TypeId.FLOAT32);
      case BYTES -> bytes(v, space.type().id());
      case NONE -> null;
    };
  }

  private static String hint(Object v, KeySpace space) {
    if (space.family() == KeySpace.Family.NONE) {
      return "only IS [NULL | NOT NULL] applies to this type";
    }
    return v instanceof String
        ? "the text is not a valid " + space.type().ducklakeName() + " value"
        : "use a literal of the column's kind (a number, 'text' or a typed literal like DATE '…')";
  }

  private static ExactKey exact(Object v, KeySpace space) {
    TypeId id = space.type().id();
    boolean numeric = id.isNumeric() || id == TypeId.BOOLEAN;
    if (numeric && v instanceof Boolean b) {
      return ExactKey.of(b ? BigInteger.ONE : BigInteger.ZERO);
    }
    if (numeric && v instanceof Double d) {
      if (d.isNaN() || d == Double.POSITIVE_INFINITY) {
        return ExactKey.ABOVE_ALL;
      }
      return d == Double.NEGATIVE_INFINITY ? ExactKey.BELOW_ALL : scaled(new BigDecimal(d), space);
    }
    if (numeric && (v instanceof Long || v instanceof BigInteger || v instanceof BigDecimal)) {
      return scaled(new BigDecimal(v.toString()), space);
    }
    if (space.isTemporal()) {
      BigInteger nanos = epochNanos(v, id);
      return nanos == null ? null : ExactKey.ratio(nanos, BigInteger.valueOf(space.nanosPerUnit()));
    }
    if (id == TypeId.INTERVAL && v instanceof Interval i) {
      return ExactKey.of(intervalNanos(i));
    }
    return null;
  }

  private static ExactKey scaled(BigDecimal value, KeySpace space) {
    return ExactKey.of(value.movePointRight(space.type().scale()));
  }

  private static BigInteger epochNanos(Object v, TypeId column) {
    boolean time = column == TypeId.TIME || column == TypeId.TIME_NS || column == TypeId.TIMETZ;
    if (time) {
      return v instanceof LocalTime t ? BigInteger.valueOf(t.toNanoOfDay()) : null;
    }
    Instant instant;
    if (v instanceof LocalDate d) {
      instant = d.atStartOfDay().toInstant(ZoneOffset.UTC);
    } else if (v instanceof LocalDateTime t) {
      instant = t.toInstant(ZoneOffset.UTC);
    } else if (v instanceof Instant i) {
      instant = i;
    } else {
      return null;
    }
    return BigInteger.valueOf(instant.getEpochSecond())
        .multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(instant.getNano()));
  }

  /** An interval's length in nanoseconds with a month of 30 days. */
  static BigInteger intervalNanos(Interval i) {
    long days = i.months() * 30L + i.days();
    return BigInteger.valueOf(days)
        .multiply(BigInteger.valueOf(KeySpace.NANOS_PER_DAY))
        .add(BigInteger.valueOf(i.nanos()));
  }

  private static ExactKey exactFromText(String text, KeySpace space) {
    TypeId id = space.type().id();
    if (id == TypeId.BOOLEAN) {
      Boolean b = bool(text);
      return b == null ? null : exact(b, space);
    }
    if (id.isNumeric()) {
      BigDecimal d = number(text);
      if (d == null) {
        return null;
      }
      BigInteger key =
          d.movePointRight(space.type().scale()).setScale(0, RoundingMode.HALF_UP).toBigInteger();
      boolean inRange = key.compareTo(space.min()) >= 0 && key.compareTo(space.max()) <= 0;
      return inRange ? ExactKey.of(key) : null;
    }
    if (id == TypeId.INTERVAL) {
      Interval i = IntervalText.parse(text);
      return i == null ? null : exact(i, space);
    }
    return exact(temporalFromText(text, id), space);
  }

  private static Object temporalFromText(String text, TypeId id) {
    switch (id) {
      case DATE:
        LocalDate d = TemporalText.parseDate(text);
        if (d != null) {
          return d;
        }
        TemporalText.Zoned<LocalDateTime> ts = TemporalText.parseTimestamp(text);
        return ts == null ? null : ts.local().toLocalDate();
      case TIME:
      case TIME_NS:
      case TIMETZ:
        TemporalText.Zoned<LocalTime> t = TemporalText.parseTime(text);
        if (t == null) {
          return null;
        }
        int offset = id == TypeId.TIMETZ && t.offsetSeconds() != null ? t.offsetSeconds() : 0;
        return t.local().minusSeconds(offset);
      default:
        TemporalText.Zoned<LocalDateTime> z = TemporalText.parseTimestamp(text);
        if (z == null) {
          return null;
        }
        boolean tz = id == TypeId.TIMESTAMPTZ || id == TypeId.TIMESTAMPTZ_NS;
        return tz ? utcLocal(z).toInstant(ZoneOffset.UTC) : z.local();
    }
  }

  /** The local time of a zoned text value in UTC (no offset means UTC). */
  static LocalDateTime utcLocal(TemporalText.Zoned<LocalDateTime> z) {
    return z.offsetSeconds() == null ? z.local() : z.local().minusSeconds(z.offsetSeconds());
  }

  private static Double floating(Object v, boolean float32) {
    double d;
    if (v instanceof Double x) {
      return x;
    } else if (v instanceof Long || v instanceof BigInteger || v instanceof BigDecimal) {
      d = new BigDecimal(v.toString()).doubleValue();
    } else if (v instanceof String s) {
      Double parsed = floatingText(s);
      if (parsed == null) {
        return null;
      }
      d = parsed;
    } else {
      return null;
    }
    return float32 ? (double) (float) d : d;
  }

  private static Double floatingText(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "nan", "+nan", "-nan":
        return Double.NaN;
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        BigDecimal d = number(t);
        return d == null ? null : d.doubleValue();
    }
  }

  private static byte[] bytes(Object v, TypeId id) {
    if (id == TypeId.UUID) {
      UUID u = v instanceof UUID x ? x : v instanceof String s ? BinaryText.parseUuid(s) : null;
      return u == null ? null : uuidBytes(u);
    }
    if (id == TypeId.BLOB) {
      return v instanceof byte[] b ? b : v instanceof String s ? BinaryText.parseBlob(s) : null;
    }
    return v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
  }

  static byte[] uuidBytes(UUID u) {
    return ByteBuffer.allocate(16)
        .putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits())
        .array();
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean bool(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default -> null;
    };
  }

  static String expectedForm(String keyword) {
    return switch (keyword) {
      case "date" -> "YYYY-MM-DD";
      case "time" -> "HH:MM[:SS[.ffffff]]";
      case "timestamp", "timestamptz" -> "YYYY-MM-DD[ HH:MM:SS[.ffffff]][+HH[:MM]]";
      case "interval" -> "e.g. '1 day', '2 hours 30 minutes' or '01:30:00'";
      default -> "32 hex digits, e.g. 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'";
    };
  }
}
