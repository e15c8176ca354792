package io.quacklake.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * A timestamp as {@code docs/cli.md} writes it: {@code YYYY-MM-DD[ HH:MM:SS[.f]][+HH[:MM]]}, UTC
 * without an offset ({@code T} is accepted for the space).
 */
final class TimestampArgument {
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:mm", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter();

  private TimestampArgument() {}

  /**
   * The instant {@code text} names.
   *
   * @throws java.time.DateTimeException when it is not such a timestamp (callers say what was
   *     expected)
   */
  static Instant parse(String text) {
    TemporalAccessor t = TIMESTAMP.parse(text.trim().replace('T', ' '));
    ZoneOffset offset =
        t.isSupported(ChronoField.OFFSET_SECONDS)
            ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS))
            : ZoneOffset.UTC;
    LocalDateTime local =
        t.isSupported(ChronoField.HOUR_OF_DAY)
            ? LocalDateTime.from(t)
            : LocalDate.from(t).atStartOfDay();
    return OffsetDateTime.of(local, offset).toInstant();
  }
}
