package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Converts the ways catalog databases return a TIMESTAMPTZ into an {@link Instant}. */
public final class CatalogInstants {
  private static final DateTimeFormatter TEXT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:mm", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter();

  private CatalogInstants() {}

  public static Instant toInstant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    return parse(value.toString());
  }

  public static Instant parse(String text) {
    try {
      var parsed = TEXT.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime o) {
        return o.toInstant();
      }
      return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      throw new QuacklakeException(
          io.quacklake.exceptions.ErrorKind.CORRUPT,
          "catalog timestamp '" + text + "' does not parse",
          e);
    }
  }
}
