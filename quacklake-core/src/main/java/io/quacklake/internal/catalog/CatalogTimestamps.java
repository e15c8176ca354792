package io.quacklake.internal.catalog;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** TIMESTAMPTZ values as catalogs store them in text: {@code yyyy-MM-dd HH:mm:ss.ffffff+00}. */
final class CatalogTimestamps {
  private static final DateTimeFormatter TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

  private CatalogTimestamps() {}

  public static String format(Instant instant) {
    return TEXT.format(instant);
  }
}
