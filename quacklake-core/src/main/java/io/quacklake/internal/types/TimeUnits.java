package io.quacklake.internal.types;

import org.apache.arrow.vector.types.TimeUnit;

/** Arrow time units as counts per second. */
public final class TimeUnits {
  private TimeUnits() {}

  public static long perSecond(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> 1L;
      case MILLISECOND -> 1_000L;
      case MICROSECOND -> 1_000_000L;
      case NANOSECOND -> 1_000_000_000L;
    };
  }
}
