package io.quacklake.internal.text;

import io.quacklake.exceptions.QuacklakeException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses intervals as DuckDB's maintenance options hold them ({@code 2 days}, {@code 1 week}). */
public final class Intervals {
  private static final Pattern PART =
      Pattern.compile(
          "\\s*(\\d+(?:\\.\\d+)?)\\s*(microseconds?|us|milliseconds?|ms|seconds?|secs?|s|minutes?"
              + "|mins?|m|hours?|h|days?|d|weeks?|w|months?|mons?|years?|y)\\s*");

  private Intervals() {}

  /**
   * @throws QuacklakeException INVALID_ARGUMENT when the text is not a sum of amounts with units
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int at = 0;
    while (at < t.length() && m.find(at) && m.start() == at) {
      double amount = Double.parseDouble(m.group(1));
      total = total.plus(Duration.ofNanos(Math.round(amount * unitNanos(m.group(2)))));
      at = m.end();
    }
    if (t.isEmpty() || at != t.length()) {
      throw QuacklakeException.invalid(
          "'%s' is not an interval; write e.g. '7 days', '12 hours', '30 minutes' or '1 week'",
          text);
    }
    return total;
  }

  private static double unitNanos(String unit) {
    double second = 1e9;
    return switch (unit) {
      case "microsecond", "microseconds", "us" -> 1e3;
      case "millisecond", "milliseconds", "ms" -> 1e6;
      case "second", "seconds", "sec", "secs", "s" -> second;
      case "minute", "minutes", "min", "mins", "m" -> 60 * second;
      case "hour", "hours", "h" -> 3600 * second;
      case "day", "days", "d" -> 86400 * second;
      case "week", "weeks", "w" -> 7 * 86400 * second;
      case "month", "months", "mon", "mons" -> 30 * 86400 * second;
      default -> 365 * 86400 * second;
    };
  }
}
