package io.quacklake.internal.text;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.Interval;
import java.util.Locale;

/**
 * DuckDB's interval text: {@code 1 year 2 months 3 days 04:05:06.789}, {@code -1 day}, {@code
 * 25:00:00}, {@code 00:00:00} for zero. DuckDB keeps microseconds; sub-microsecond nanoseconds are
 * dropped when writing.
 */
final class IntervalText {
  private static final long MICROS_PER_HOUR = 3_600_000_000L;

  private IntervalText() {}

  static void append(StringBuilder out, int months, int days, long nanos) {
    int start = out.length();
    if (months != 0) {
      int years = months / 12;
      int rest = months - years * 12;
      unit(out, start, years, "year");
      unit(out, start, rest, "month");
    }
    unit(out, start, days, "day");
    long micros = nanos / 1000;
    if (micros != 0) {
      if (out.length() != start) {
        out.append(' ');
      }
      if (micros < 0) {
        out.append('-');
      }
      TemporalText.appendClock(out, Math.abs(micros) * 1000, 6);
    } else if (out.length() == start) {
      out.append("00:00:00");
    }
  }

  private static void unit(StringBuilder out, int start, int value, String name) {
    if (value == 0) {
      return;
    }
    if (out.length() != start) {
      out.append(' ');
    }
    out.append(value).append(' ').append(name);
    if (value != 1 && value != -1) {
      out.append('s');
    }
  }

  /** Parses DuckDB's interval text (and the unit words DuckDB accepts in it). */
  static Interval parse(String text) {
    String[] tokens = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    long months = 0;
    long days = 0;
    long micros = 0;
    try {
      for (int i = 0; i < tokens.length; i++) {
        String token = tokens[i];
        if (token.isEmpty()) {
          continue;
        }
        if (token.indexOf(':') >= 0) {
          micros += clock(token);
          continue;
        }
        if (i + 1 >= tokens.length) {
          throw bad(text);
        }
        long n = Long.parseLong(token.startsWith("+") ? token.substring(1) : token);
        String unit = tokens[++i];
        if (unit.startsWith("year")) {
          months += n * 12;
        } else if (unit.startsWith("mon")) {
          months += n;
        } else if (unit.startsWith("day")) {
          days += n;
        } else if (unit.startsWith("hour")) {
          micros += n * MICROS_PER_HOUR;
        } else if (unit.startsWith("min")) {
          micros += n * 60_000_000L;
        } else if (unit.startsWith("sec")) {
          micros += n * 1_000_000L;
        } else {
          throw bad(text);
        }
      }
    } catch (NumberFormatException e) {
      throw bad(text);
    }
    return new Interval(Math.toIntExact(months), Math.toIntExact(days), micros * 1000);
  }

  private static long clock(String token) {
    boolean negative = token.startsWith("-");
    String[] parts = token.substring(negative || token.startsWith("+") ? 1 : 0).split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw new NumberFormatException(token);
    }
    long micros = Long.parseLong(parts[0]) * MICROS_PER_HOUR;
    micros += Long.parseLong(parts[1]) * 60_000_000L;
    if (parts.length == 3) {
      micros += TemporalParser.secondsToMicros(parts[2]);
    }
    return negative ? -micros : micros;
  }

  private static QuacklakeException bad(String text) {
    return QuacklakeException.invalid(
        "'%s' is not an interval in DuckDB's text form (e.g. '1 year 2 days 03:04:05.5')", text);
  }
}
