package io.quacklake;

import io.quacklake.internal.catalog.CatalogLocation;
import io.quacklake.internal.catalog.Redaction;

/**
 * Catalog location text as {@link Lake#open(String)} reads it ({@code sqlite:PATH}, {@code
 * duckdb:PATH}, {@code postgres:...}, {@code mysql:...}, {@code s3://...}, {@code az://...}, {@code
 * file://...}; see {@code docs/cli.md}), for tools that show or check locations before opening a
 * lake.
 */
public final class CatalogLocations {
  private CatalogLocations() {}

  /**
   * Whether the location names an object-store catalog ({@code s3://}, {@code az://}, {@code
   * file://}), which keeps versions and whose new lakes need no data path.
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT for text that is no catalog
   *     location
   */
  public static boolean isObjectStore(String catalogLocation) {
    return CatalogLocation.parse(catalogLocation).isObjectStore();
  }

  /**
   * The text with every secret a catalog location may hold masked (passwords, secrets and tokens in
   * connection strings and URL parameters, the password of URL user info), for showing a location
   * or a message that may echo one.
   */
  public static String redact(String text) {
    return Redaction.redact(text);
  }
}
