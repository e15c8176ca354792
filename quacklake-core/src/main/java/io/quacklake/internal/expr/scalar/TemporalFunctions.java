package io.quacklake.internal.expr.scalar;

import io.quacklake.exceptions.QuacklakeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** {@code date_trunc} and the date-part functions, in UTC for TIMESTAMPTZ values. */
final class TemporalFunctions {
  private TemporalFunctions() {}

  static Object truncate(String part, Object value) {
    int infinity = Temporal.infinity(value);
    if (infinity != 0) {
      return value instanceof Instant
          ? value
          : infinity > 0 ? LocalDateTime.MAX : LocalDateTime.MIN;
    }
    LocalDateTime t = Functions.local(value);
    LocalDateTime r =
        switch (part.toLowerCase(Locale.ROOT)) {
          case "millennium", "millennia", "millenium", "mil", "mils" ->
              start(Math.floorDiv(t.getYear(), 1000) * 1000);
          case "century", "centuries", "cent", "c" -> start(Math.floorDiv(t.getYear(), 100) * 100);
          case "decade", "decades", "dec", "decs" -> start(Math.floorDiv(t.getYear(), 10) * 10);
          case "year", "years", "yr", "yrs", "y" -> start(t.getYear());
          case "quarter", "quarters" ->
              t.toLocalDate()
                  .withDayOfMonth(1)
                  .withMonth((t.getMonthValue() - 1) / 3 * 3 + 1)
                  .atStartOfDay();
          case "month", "months", "mon", "mons" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
          case "week", "weeks", "w" ->
              t.toLocalDate()
                  .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                  .atStartOfDay();
          case "day", "days", "d", "dayofmonth" -> t.truncatedTo(ChronoUnit.DAYS);
          case "hour", "hours", "hr", "hrs", "h" -> t.truncatedTo(ChronoUnit.HOURS);
          case "minute", "minutes", "min", "mins", "m" -> t.truncatedTo(ChronoUnit.MINUTES);
          case "second", "seconds", "sec", "secs", "s" -> t.truncatedTo(ChronoUnit.SECONDS);
          case "millisecond", "milliseconds", "ms", "msec", "msecs" ->
              t.truncatedTo(ChronoUnit.MILLIS);
          case "microsecond", "microseconds", "us", "usec", "usecs" ->
              t.truncatedTo(ChronoUnit.MICROS);
          default ->
              throw QuacklakeException.invalid(
                  "date_trunc: unknown part '%s'; use year, quarter, month, week, day, hour,"
                      + " minute, second, millisecond or microsecond",
                  part);
        };
    return value instanceof Instant ? r.toInstant(ZoneOffset.UTC) : r;
  }

  private static LocalDateTime start(int year) {
    return LocalDateTime.of(year, 1, 1, 0, 0);
  }

  /** A part of a date or timestamp; NULL for an infinite one, as DuckDB gives. */
  static Object part(String name, Object value) {
    if (Temporal.infinity(value) != 0) {
      return null;
    }
    LocalDateTime t = Functions.local(value);
    return switch (name) {
      case "year" -> (long) t.getYear();
      case "quarter" -> (long) (t.getMonthValue() - 1) / 3 + 1;
      case "month" -> (long) t.getMonthValue();
      case "day" -> (long) t.getDayOfMonth();
      case "hour" -> (long) t.getHour();
      case "minute" -> (long) t.getMinute();
      default -> (long) t.getSecond();
    };
  }
}
