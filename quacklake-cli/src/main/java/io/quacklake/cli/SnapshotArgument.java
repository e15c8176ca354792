package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.TableScan;
import io.quacklake.exceptions.QuacklakeException;
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
 * A {@code SNAPSHOT} argument: a snapshot id, or a timestamp {@code YYYY-MM-DD[
 * HH:MM:SS[.f]][+HH[:MM]]} (UTC without an offset) meaning the newest snapshot at or before it.
 */
record SnapshotArgument(Long id, Instant time) {
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

  static SnapshotArgument parse(String text) {
    String s = text.trim();
    if (s.matches("\\d+")) {
      return new SnapshotArgument(Long.parseLong(s), null);
    }
    try {
      TemporalAccessor t = TIMESTAMP.parse(s.replace('T', ' '));
      ZoneOffset offset =
          t.isSupported(ChronoField.OFFSET_SECONDS)
              ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS))
              : ZoneOffset.UTC;
      LocalDateTime local =
          t.isSupported(ChronoField.HOUR_OF_DAY)
              ? LocalDateTime.from(t)
              : LocalDate.from(t).atStartOfDay();
      return new SnapshotArgument(null, OffsetDateTime.of(local, offset).toInstant());
    } catch (RuntimeException e) {
      throw QuacklakeException.invalid(
          "'%s' is not a snapshot: give a snapshot id or a timestamp like"
              + " '2025-01-31 12:00:00' (UTC) or '2025-01-31 12:00:00+02'",
          text);
    }
  }

  /** The snapshot id this argument names in {@code lake}. */
  long resolve(Lake lake) {
    return id != null ? lake.snapshot(id).id() : lake.snapshotAt(time).id();
  }

  TableScan applyTo(TableScan scan) {
    return id != null ? scan.asOf(id) : scan.asOf(time);
  }
}
