package io.quacklake.internal.expr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date, time and timestamp text as DuckDB casts it from VARCHAR: {@code YYYY-MM-DD}, {@code
 * HH:MM[:SS[.fffffffff]]} and {@code YYYY-MM-DD[( |T)HH:MM[:SS[.f…]]][Z|+HH[:MM]]}. Digits beyond
 * nanoseconds are dropped.
 */
final class TemporalText {
  private static final String DATE = "(-?\\d{1,9})-(\\d{1,2})-(\\d{1,2})";
  private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9})\\d*)?)?";
  private static final String OFFSET = "\\s*(Z|UTC|[+-]\\d{1,2}(?::?\\d{2})?)?";
  private static final Pattern DATE_P = Pattern.compile("\\s*" + DATE + "\\s*");
  private static final Pattern TIME_P = Pattern.compile("\\s*" + TIME + OFFSET + "\\s*");
  private static final Pattern TS_P =
      Pattern.compile("\\s*" + DATE + "(?:(?:T|\\s+)" + TIME + ")?" + OFFSET + "\\s*");

  /** A local value and its UTC offset in seconds, or null when the text has none. */
  record Zoned<T>(T local, Integer offsetSeconds) {}

  private TemporalText() {}

  /** The date, or null when the text is not a date. */
  static LocalDate parseDate(String text) {
    Matcher m = DATE_P.matcher(text);
    return m.matches() ? date(m, 1) : null;
  }

  /** The time and offset, or null when the text is not a time. */
  static Zoned<LocalTime> parseTime(String text) {
    Matcher m = TIME_P.matcher(text);
    if (!m.matches()) {
      return null;
    }
    LocalTime t = time(m, 1);
    return t == null ? null : new Zoned<>(t, offset(m.group(5)));
  }

  /** The timestamp and offset, or null when the text is not a timestamp. */
  static Zoned<LocalDateTime> parseTimestamp(String text) {
    Matcher m = TS_P.matcher(text);
    if (!m.matches()) {
      return null;
    }
    LocalDate d = date(m, 1);
    LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT : time(m, 4);
    if (d == null || t == null) {
      return null;
    }
    return new Zoned<>(LocalDateTime.of(d, t), offset(m.group(8)));
  }

  private static LocalDate date(Matcher m, int g) {
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(g)),
          Integer.parseInt(m.group(g + 1)),
          Integer.parseInt(m.group(g + 2)));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static LocalTime time(Matcher m, int g) {
    int hour = Integer.parseInt(m.group(g));
    int minute = Integer.parseInt(m.group(g + 1));
    int second = m.group(g + 2) == null ? 0 : Integer.parseInt(m.group(g + 2));
    String frac = m.group(g + 3);
    int nanos = frac == null ? 0 : Integer.parseInt((frac + "00000000").substring(0, 9));
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    return LocalTime.of(hour, minute, second, nanos);
  }

  private static Integer offset(String text) {
    if (text == null) {
      return null;
    }
    if (text.equals("Z") || text.equals("UTC")) {
      return 0;
    }
    int sign = text.charAt(0) == '-' ? -1 : 1;
    String digits = text.substring(1).replace(":", "");
    int hours;
    int minutes = 0;
    if (digits.length() <= 2) {
      hours = Integer.parseInt(digits);
    } else {
      hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
      minutes = Integer.parseInt(digits.substring(digits.length() - 2));
    }
    return sign * (hours * 3600 + minutes * 60);
  }

  static String formatDate(LocalDate d) {
    return d.toString();
  }

  static String formatTime(LocalTime t) {
    String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int nanos = t.getNano();
    if (nanos == 0) {
      return s;
    }
    String frac = String.format("%09d", nanos);
    return s + "." + (nanos % 1000 == 0 ? frac.substring(0, 6) : frac);
  }

  static String formatTimestamp(LocalDateTime t) {
    return formatDate(t.toLocalDate()) + " " + formatTime(t.toLocalTime());
  }
}
