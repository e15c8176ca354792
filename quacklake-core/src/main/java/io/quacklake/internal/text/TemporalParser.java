package io.quacklake.internal.text;

import io.quacklake.exceptions.QuacklakeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses DuckDB's text of dates, times and timestamps ({@code 2024-02-29}, {@code 0044-03-15 (BC)},
 * {@code 2024-02-29 12:00:00.123}, {@code 0001-12-31 (BC) 23:59:59}, {@code ...+00}, {@code
 * infinity}). A {@code T} between date and time and an offset such as {@code +05:30} or {@code Z}
 * are accepted too.
 */
final class TemporalParser {
  private static final Pattern DATE =
      Pattern.compile("(-?\\d{1,9})-(\\d{1,2})-(\\d{1,2})( \\(BC\\))?");
  private static final Pattern TIME =
      Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}(?:\\.\\d{0,9})?))?");
  private static final Pattern OFFSET =
      Pattern.compile("(?:([+-])(\\d{1,2})(?::?(\\d{2}))?(?::?(\\d{2}))?|Z)$");

  private TemporalParser() {}

  static LocalDate date(String text) {
    String t = text.trim();
    Object special = infinity(t, LocalDate.MAX, LocalDate.MIN);
    if (special != null) {
      return (LocalDate) special;
    }
    Matcher m = DATE.matcher(t);
    if (!m.matches()) {
      throw bad(text, "date", "2024-02-29");
    }
    return civil(m, text);
  }

  static LocalTime time(String text) {
    Matcher m = TIME.matcher(text.trim());
    if (!m.matches()) {
      throw bad(text, "time", "12:34:56.789");
    }
    long nanos = clockNanos(m);
    return nanos == TemporalText.NANOS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(nanos);
  }

  /** A TIMETZ value normalised to UTC. */
  static LocalTime timeWithOffset(String text) {
    String t = text.trim();
    Matcher o = OFFSET.matcher(t);
    if (!o.find() || o.start() == 0) {
      return time(t);
    }
    LocalTime local = time(t.substring(0, o.start()));
    return local.minusSeconds(offsetSeconds(o));
  }

  static LocalDateTime timestamp(String text) {
    String t = text.trim();
    Object special = infinity(t, LocalDateTime.MAX, LocalDateTime.MIN);
    if (special != null) {
      return (LocalDateTime) special;
    }
    Matcher d = DATE.matcher(t);
    d.region(0, t.length());
    if (!d.lookingAt()) {
      throw bad(text, "timestamp", "2024-02-29 12:00:00.123");
    }
    LocalDate date = civil(d, text);
    String rest = t.substring(d.end());
    if (rest.isEmpty()) {
      return date.atStartOfDay();
    }
    if (rest.charAt(0) != ' ' && rest.charAt(0) != 'T') {
      throw bad(text, "timestamp", "2024-02-29 12:00:00.123");
    }
    String clock = rest.substring(1).trim();
    if (clock.endsWith("(BC)")) {
      throw bad(text, "timestamp", "0001-12-31 (BC) 23:59:59");
    }
    Matcher m = TIME.matcher(clock);
    if (!m.matches()) {
      throw bad(text, "timestamp", "2024-02-29 12:00:00.123");
    }
    return date.atStartOfDay().plusNanos(clockNanos(m));
  }

  static Instant timestampWithOffset(String text) {
    String t = text.trim();
    Object special = infinity(t, Instant.MAX, Instant.MIN);
    if (special != null) {
      return (Instant) special;
    }
    Matcher o = OFFSET.matcher(t);
    int offset = 0;
    // An offset only follows a time of day, so it cannot start before the first ':'.
    if (o.find() && o.start() > t.indexOf(':') && t.indexOf(':') > 0) {
      offset = offsetSeconds(o);
      t = t.substring(0, o.start());
    }
    return timestamp(t).toInstant(ZoneOffset.UTC).minusSeconds(offset);
  }

  /** Microseconds of a seconds field such as {@code 06.789}. */
  static long secondsToMicros(String seconds) {
    int dot = seconds.indexOf('.');
    long whole = Long.parseLong(dot < 0 ? seconds : seconds.substring(0, dot));
    return whole * 1_000_000L + (dot < 0 ? 0 : fraction(seconds.substring(dot + 1), 6));
  }

  private static long clockNanos(Matcher m) {
    long hours = Long.parseLong(m.group(1));
    long minutes = Long.parseLong(m.group(2));
    String s = m.group(3);
    long nanos = 0;
    if (s != null) {
      int dot = s.indexOf('.');
      nanos = Long.parseLong(dot < 0 ? s : s.substring(0, dot)) * 1_000_000_000L;
      nanos += dot < 0 ? 0 : fraction(s.substring(dot + 1), 9);
      if (nanos >= 60_000_000_000L) {
        throw new NumberFormatException("seconds out of range");
      }
    }
    long total = (hours * 60 + minutes) * 60_000_000_000L + nanos;
    if (minutes > 59 || total > TemporalText.NANOS_PER_DAY) {
      throw QuacklakeException.invalid("'%s' is not a valid time of day", m.group());
    }
    return total;
  }

  private static long fraction(String digits, int width) {
    if (digits.isEmpty()) {
      return 0;
    }
    String padded = digits.length() >= width ? digits.substring(0, width) : digits;
    long v = Long.parseLong(padded);
    for (int i = padded.length(); i < width; i++) {
      v *= 10;
    }
    return v;
  }

  private static LocalDate civil(Matcher m, String text) {
    try {
      long year = Long.parseLong(m.group(1));
      if (m.group(4) != null) {
        year = 1 - year;
      }
      return LocalDate.of(
          Math.toIntExact(year), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw bad(text, "date", "2024-02-29");
    }
  }

  private static int offsetSeconds(Matcher o) {
    if (o.group(1) == null) {
      return 0;
    }
    int seconds = Integer.parseInt(o.group(2)) * 3600;
    seconds += o.group(3) == null ? 0 : Integer.parseInt(o.group(3)) * 60;
    seconds += o.group(4) == null ? 0 : Integer.parseInt(o.group(4));
    return o.group(1).equals("-") ? -seconds : seconds;
  }

  private static Object infinity(String t, Object max, Object min) {
    return switch (t.toLowerCase(java.util.Locale.ROOT)) {
      case "infinity", "+infinity" -> max;
      case "-infinity" -> min;
      default -> null;
    };
  }

  private static QuacklakeException bad(String text, String type, String example) {
    return QuacklakeException.invalid(
        "'%s' is not a %s in DuckDB's text form (e.g. '%s')", text, type, example);
  }
}
