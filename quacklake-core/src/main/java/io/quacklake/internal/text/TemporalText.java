package io.quacklake.internal.text;

/**
 * DuckDB's {@code CAST(x AS VARCHAR)} of dates, times and timestamps, from their stored integers:
 * {@code 2024-02-29}, {@code 0044-03-15 (BC)}, {@code 12:00:00.5} (fraction trimmed of trailing
 * zeros), {@code 2024-02-29 12:00:00.123}, {@code infinity} for the sentinel extremes.
 */
final class TemporalText {
  static final long NANOS_PER_DAY = 86_400_000_000_000L;
  static final int DATE_INFINITY = Integer.MAX_VALUE;
  static final long TIMESTAMP_INFINITY = Long.MAX_VALUE;

  private TemporalText() {}

  /** A date given as days since 1970-01-01. */
  static void appendDate(StringBuilder out, long epochDay) {
    if (epochDay == DATE_INFINITY || epochDay == -DATE_INFINITY) {
      out.append(epochDay > 0 ? "infinity" : "-infinity");
      return;
    }
    appendCivilDate(out, epochDay, true);
  }

  /** A time of day in nanoseconds, with at most {@code fractionDigits} fractional digits. */
  static void appendTime(StringBuilder out, long nanoOfDay, int fractionDigits) {
    appendClock(out, nanoOfDay, fractionDigits);
  }

  /** {@code HH:MM:SS[.f]} of a non-negative duration; hours may exceed 24. */
  static void appendClock(StringBuilder out, long nanos, int fractionDigits) {
    long seconds = nanos / 1_000_000_000L;
    two(out, seconds / 3600).append(':');
    two(out, seconds / 60 % 60).append(':');
    two(out, seconds % 60);
    appendFraction(out, nanos % 1_000_000_000L, fractionDigits);
  }

  /**
   * A timestamp given as an amount of {@code unitNanos}-nanosecond units since the epoch, with
   * {@code +00} appended when {@code utcSuffix}.
   */
  static void appendTimestamp(StringBuilder out, long value, long unitNanos, boolean utcSuffix) {
    if (value == TIMESTAMP_INFINITY || value == -TIMESTAMP_INFINITY) {
      out.append(value > 0 ? "infinity" : "-infinity");
      return;
    }
    long unitsPerDay = NANOS_PER_DAY / unitNanos;
    long day = Math.floorDiv(value, unitsPerDay);
    long nanoOfDay = Math.floorMod(value, unitsPerDay) * unitNanos;
    appendDateTime(out, day, nanoOfDay, unitNanos == 1 ? 9 : 6);
    if (utcSuffix) {
      out.append("+00");
    }
  }

  /** A date and time of day; BC dates put {@code (BC)} between the two, as DuckDB does. */
  static void appendDateTime(StringBuilder out, long epochDay, long nanoOfDay, int digits) {
    boolean bc = appendCivilDate(out, epochDay, false);
    if (bc) {
      out.append(" (BC)");
    }
    out.append(' ');
    appendTime(out, nanoOfDay, digits);
  }

  /**
   * A UTC offset as DuckDB writes it for TIMETZ: {@code +00}, {@code +05:30}, {@code -00:00:01}.
   */
  static void appendOffset(StringBuilder out, int offsetSeconds) {
    out.append(offsetSeconds < 0 ? '-' : '+');
    int abs = Math.abs(offsetSeconds);
    two(out, abs / 3600);
    if (abs % 3600 != 0) {
      two(out.append(':'), abs / 60 % 60);
      if (abs % 60 != 0) {
        two(out.append(':'), abs % 60);
      }
    }
  }

  private static boolean appendCivilDate(StringBuilder out, long epochDay, boolean withBcSuffix) {
    // Civil-from-days (H. Hinnant), proleptic Gregorian.
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    boolean bc = year <= 0;
    long shown = bc ? 1 - year : year;
    String y = Long.toString(shown);
    for (int i = y.length(); i < 4; i++) {
      out.append('0');
    }
    out.append(y).append('-');
    two(out, month).append('-');
    two(out, day);
    if (bc && withBcSuffix) {
      out.append(" (BC)");
    }
    return bc;
  }

  private static void appendFraction(StringBuilder out, long nanos, int digits) {
    if (nanos == 0) {
      return;
    }
    long value = digits == 9 ? nanos : nanos / 1000;
    if (value == 0) {
      return;
    }
    int width = digits;
    while (value % 10 == 0) {
      value /= 10;
      width--;
    }
    out.append('.');
    String s = Long.toString(value);
    for (int i = s.length(); i < width; i++) {
      out.append('0');
    }
    out.append(s);
  }

  private static StringBuilder two(StringBuilder out, long value) {
    if (value < 10) {
      out.append('0');
    }
    return out.append(value);
  }
}
