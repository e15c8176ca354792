package io.quacklake.testkit.peer;

import static io.quacklake.testkit.peer.SqlText.literal;

import io.quacklake.CatalogLocations;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the DuckDB peer attaches for a Quacklake catalog location: {@code duckdb:PATH} becomes
 * {@code ducklake:PATH}, {@code postgres:CONNINFO} becomes {@code ducklake:postgres:CONNINFO}
 * (which needs the postgres extension loaded).
 *
 * @param target the text inside {@code ATTACH '...'}
 * @param needsPostgres whether the postgres extension must be loaded first
 */
record PeerAttachment(String target, boolean needsPostgres) {
  private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * @throws IllegalArgumentException for a catalog the peer cannot attach (SQLite: the peer has no
   *     sqlite extension; MySQL; object-store catalogs; a JDBC URL)
   */
  static PeerAttachment of(String catalogLocation) {
    CatalogLocation parsed;
    try {
      parsed = CatalogLocation.parse(catalogLocation);
    } catch (QuacklakeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    String shown = CatalogLocations.redact(catalogLocation);
    return switch (parsed.kind()) {
      case DUCKDB -> new PeerAttachment("ducklake:" + parsed.target(), false);
      case POSTGRES -> {
        if (parsed.target().startsWith("jdbc:")) {
          throw new IllegalArgumentException(
              "the DuckDB peer attaches PostgreSQL by libpq connection string; write "
                  + shown
                  + " as postgres:dbname=... host=... user=...");
        }
        yield new PeerAttachment("ducklake:postgres:" + parsed.target(), true);
      }
      case SQLITE ->
          throw new IllegalArgumentException(
              "the DuckDB peer is built without the sqlite extension, so it cannot attach the SQLite"
                  + " catalog "
                  + shown
                  + "; compare a DuckDB-file (duckdb:PATH) or PostgreSQL (postgres:...) catalog");
      case MYSQL, OBJECT_STORE ->
          throw new IllegalArgumentException(
              "the DuckDB peer cannot attach the "
                  + parsed.kind().name().toLowerCase(java.util.Locale.ROOT)
                  + " catalog "
                  + shown
                  + "; it reads DuckDB-file (duckdb:PATH) and PostgreSQL (postgres:...) catalogs");
    };
  }

  /**
   * The ATTACH statement (no trailing semicolon).
   *
   * @param dataPath the DATA_PATH option, or null to use the one the catalog stores
   * @param overrideDataPath whether {@code dataPath} replaces a different stored one for this
   *     attachment ({@code OVERRIDE_DATA_PATH}), as Quacklake's {@code LakeOptions.dataPath} does
   * @param snapshotId the SNAPSHOT_VERSION to pin, or null for the latest
   */
  String sql(
      String alias, String dataPath, boolean overrideDataPath, boolean readOnly, Long snapshotId) {
    return sql(alias, dataPath, overrideDataPath, readOnly, snapshotId, null);
  }

  /**
   * The ATTACH statement (no trailing semicolon), as {@link #sql(String, String, boolean, boolean,
   * Long)} with the DuckLake version a new lake is created at ({@code DUCKLAKE_VERSION}), or null
   * for the peer's default.
   */
  String sql(
      String alias,
      String dataPath,
      boolean overrideDataPath,
      boolean readOnly,
      Long snapshotId,
      String ducklakeVersion) {
    if (alias == null || !ALIAS.matcher(alias).matches()) {
      throw new IllegalArgumentException("'" + alias + "' is no plain SQL identifier for an alias");
    }
    List<String> options = new ArrayList<>();
    if (dataPath != null) {
      options.add("DATA_PATH " + literal(dataPath));
      if (overrideDataPath) {
        options.add("OVERRIDE_DATA_PATH TRUE");
      }
    }
    if (readOnly) {
      options.add("READ_ONLY");
    }
    if (snapshotId != null) {
      options.add("SNAPSHOT_VERSION " + snapshotId);
    }
    if (ducklakeVersion != null) {
      options.add("DUCKLAKE_VERSION " + literal(ducklakeVersion));
    }
    return "ATTACH "
        + literal(target)
        + " AS "
        + alias
        + (options.isEmpty() ? "" : " (" + String.join(", ", options) + ")");
  }
}
