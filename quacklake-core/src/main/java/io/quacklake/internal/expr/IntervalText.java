package io.quacklake.internal.expr;

import io.quacklake.types.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interval text in DuckDB's forms: a sequence of {@code <number> <unit>} parts ({@code 1 year 2
 * months 3 days 4 hours}) and an optional {@code [-]HH:MM[:SS[.f]]} part. Units: years, months,
 * weeks, days, hours, minutes, seconds, milliseconds, microseconds, nanoseconds (singular, plural
 * and DuckDB's short forms). Only day and smaller units take fractions.
 */
final class IntervalText {
  private static final Pattern PART =
      Pattern.compile(
          "\\s*(?:([+-]?\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)|([+-]?)(\\d+):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?)");
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private IntervalText() {}

  /** The interval, or null when the text is not an interval. */
  static Interval parse(String text) {
    Matcher m = PART.matcher(text);
    long months = 0;
    long days = 0;
    BigDecimal nanos = BigDecimal.ZERO;
    int pos = 0;
    boolean any = false;
    while (pos < text.length() && m.find(pos) && m.start() == pos) {
      any = true;
      pos = m.end();
      if (m.group(1) != null) {
        BigDecimal n = new BigDecimal(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        long monthsPer = monthsPer(unit);
        if (monthsPer > 0) {
          if (n.stripTrailingZeros().scale() > 0) {
            return null;
          }
          months += n.longValueExact() * monthsPer;
        } else {
          long daysPer = daysPer(unit);
          if (daysPer > 0) {
            BigDecimal whole = n.setScale(0, RoundingMode.DOWN);
            days += whole.longValueExact() * daysPer;
            n = n.subtract(whole).multiply(BigDecimal.valueOf(daysPer));
            unit = "day";
          }
          BigDecimal per = nanosPer(unit);
          if (per == null) {
            return null;
          }
          nanos = nanos.add(n.multiply(per));
        }
      } else {
        BigDecimal t =
            BigDecimal.valueOf(Long.parseLong(m.group(4)) * 3600 + Long.parseLong(m.group(5)) * 60)
                .add(m.group(6) == null ? BigDecimal.ZERO : new BigDecimal(m.group(6)))
                .multiply(BigDecimal.valueOf(1_000_000_000L));
        nanos = nanos.add(m.group(3).equals("-") ? t.negate() : t);
      }
    }
    if (!any || !text.substring(pos).isBlank()) {
      return null;
    }
    long total = nanos.setScale(0, RoundingMode.DOWN).longValue();
    if (months != (int) months || days != (int) days) {
      return null;
    }
    return new Interval((int) months, (int) days, total);
  }

  /** Whether {@code word} names an interval unit ({@code day}, {@code hours}, {@code y}...). */
  static boolean isUnit(String word) {
    String unit = word.toLowerCase(Locale.ROOT);
    return monthsPer(unit) > 0 || daysPer(unit) > 0 || nanosPer(unit) != null;
  }

  private static long monthsPer(String unit) {
    return switch (unit) {
      case "year", "years", "y", "yr", "yrs" -> 12;
      case "month", "months", "mon", "mons" -> 1;
      case "decade", "decades" -> 120;
      case "century", "centuries" -> 1200;
      case "millennium", "millennia", "millenniums" -> 12000;
      default -> 0;
    };
  }

  private static long daysPer(String unit) {
    return switch (unit) {
      case "week", "weeks", "w" -> 7;
      case "day", "days", "d" -> 1;
      default -> 0;
    };
  }

  private static BigDecimal nanosPer(String unit) {
    long n =
        switch (unit) {
          case "day", "days", "d" -> NANOS_PER_DAY;
          case "hour", "hours", "h", "hr", "hrs" -> 3_600_000_000_000L;
          case "minute", "minutes", "min", "mins", "m" -> 60_000_000_000L;
          case "second", "seconds", "sec", "secs", "s" -> 1_000_000_000L;
          case "millisecond", "milliseconds", "ms", "msec", "msecs" -> 1_000_000L;
          case "microsecond", "microseconds", "us", "usec", "usecs" -> 1_000L;
          case "nanosecond", "nanoseconds", "ns" -> 1L;
          default -> -1;
        };
    return n < 0 ? null : BigDecimal.valueOf(n);
  }

  static String format(Interval i) {
    String sub =
        i.nanos() % 1000 == 0 ? i.nanos() / 1000 + " microseconds" : i.nanos() + " nanoseconds";
    return i.months() + " months " + i.days() + " days " + sub;
  }
}
