package io.quacklake.internal.expr.scalar;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Dates, times and timestamps as DuckDB holds them: timestamps are a count of their unit since the
 * epoch in a BIGINT (microseconds, or seconds, milliseconds, nanoseconds for the unit types), so a
 * cast to a coarser unit rounds and a value beyond the count's range is an error; {@code infinity}
 * and {@code -infinity} ({@code LocalDate.MAX}, {@code LocalDateTime.MIN}, {@code Instant.MAX},
 * ...) stay infinite through casts and arithmetic. Time zones are UTC.
 */
final class Temporal {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private Temporal() {}

  /**
   * {@code value} cast from {@code from} to the temporal type {@code to}; null when no such cast.
   */
  static Object convert(Object value, LakeType from, LakeType to) {
    int infinity = infinity(value);
    if (to.id() == TypeId.DATE) {
      if (infinity != 0) {
        return infinity > 0 ? LocalDate.MAX : LocalDate.MIN;
      }
      if (value instanceof LocalDateTime t) {
        return t.toLocalDate();
      } else if (value instanceof Instant i) {
        return LocalDate.ofInstant(i, ZoneOffset.UTC);
      }
      return null;
    }
    if (ScalarTypes.isTimestamp(to)) {
      boolean zoned = ScalarTypes.isZoned(to);
      if (infinity != 0) {
        if (value instanceof LocalTime) {
          return null;
        }
        return zoned
            ? (infinity > 0 ? Instant.MAX : Instant.MIN)
            : (infinity > 0 ? LocalDateTime.MAX : LocalDateTime.MIN);
      }
      LocalDateTime t;
      if (value instanceof LocalDate d) {
        t = d.atStartOfDay();
      } else if (value instanceof Instant i) {
        t = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
      } else if (value instanceof LocalDateTime l) {
        t = l;
      } else {
        return null;
      }
      t = inRange(round(t, unitNanos(to.id())), from, to);
      return zoned ? t.toInstant(ZoneOffset.UTC) : t;
    }
    if (ScalarTypes.isTime(to)) {
      LocalTime t;
      if (infinity != 0) {
        throw QuacklakeException.invalid(
            "Could not convert an infinite %s to %s", ScalarTypes.name(from), ScalarTypes.name(to));
      } else if (value instanceof LocalDateTime l) {
        t = l.toLocalTime();
      } else if (value instanceof Instant i) {
        t = LocalTime.ofInstant(i, ZoneOffset.UTC);
      } else if (value instanceof LocalTime l) {
        t = l;
      } else {
        return null;
      }
      long unit = to.id() == TypeId.TIME_NS ? 1 : 1000;
      long nanos = Math.floorDiv(t.toNanoOfDay() + unit / 2, unit) * unit;
      return LocalTime.ofNanoOfDay(Math.floorMod(nanos, 86_400_000_000_000L));
    }
    return null;
  }

  /** +1 for infinity, -1 for -infinity, 0 for a finite value (or one of no temporal type). */
  static int infinity(Object v) {
    if (LocalDate.MAX.equals(v) || LocalDateTime.MAX.equals(v) || Instant.MAX.equals(v)) {
      return 1;
    }
    if (LocalDate.MIN.equals(v) || LocalDateTime.MIN.equals(v) || Instant.MIN.equals(v)) {
      return -1;
    }
    return 0;
  }

  private static long unitNanos(TypeId id) {
    return switch (id) {
      case TIMESTAMP_S -> 1_000_000_000L;
      case TIMESTAMP_MS -> 1_000_000L;
      case TIMESTAMP_NS, TIMESTAMPTZ_NS -> 1L;
      default -> 1_000L;
    };
  }

  /** {@code t} rounded to whole units of {@code unit} nanoseconds, halves up. */
  private static LocalDateTime round(LocalDateTime t, long unit) {
    if (unit == 1) {
      return t;
    }
    long rest = Math.floorMod(t.getNano(), unit);
    LocalDateTime down = t.minusNanos(rest);
    return rest * 2 >= unit ? down.plusNanos(unit) : down;
  }

  /**
   * {@code t} when a timestamp of type {@code to} holds it (microseconds since the epoch fit a
   * BIGINT; nanoseconds for the nanosecond types), else DuckDB's conversion error.
   */
  static LocalDateTime inRange(LocalDateTime t, LakeType from, LakeType to) {
    try {
      ChronoUnit unit =
          to.id() == TypeId.TIMESTAMP_NS || to.id() == TypeId.TIMESTAMPTZ_NS
              ? ChronoUnit.NANOS
              : ChronoUnit.MICROS;
      unit.between(EPOCH, t);
      return t;
    } catch (ArithmeticException | DateTimeException e) {
      throw QuacklakeException.invalid(
          "Could not convert %s %s to %s: it is outside the timestamp range",
          from == null ? "the value" : ScalarTypes.name(from),
          t.toLocalDate(),
          ScalarTypes.name(to));
    }
  }
}
