package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.jdbc.DriverClassKeys;
import io.quacklake.storage.Location;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed catalog location string, in the forms of {@code docs/cli.md}: {@code sqlite:PATH},
 * {@code duckdb:PATH}, {@code jdbc:sqlite:PATH}, {@code postgres:CONNINFO} (libpq key=value),
 * {@code jdbc:postgresql:...}, or a bare path whose extension names the kind. An optional {@code
 * ducklake:} prefix is ignored.
 *
 * <p>{@link #toString()} never shows a password ({@link Redaction}).
 *
 * @param kind the catalog database
 * @param target the file path (SQLite, DuckDB) or connection string
 * @param driverClassKeys whether the connection string may set JDBC driver keys that load classes
 *     ({@code socketFactory}, {@code sslfactory}, ...; see {@link DriverClassKeys}); off unless the
 *     location is trusted
 */
public record CatalogLocation(CatalogKind kind, String target, boolean driverClassKeys) {
  static final String FORMS =
      "sqlite:PATH, duckdb:PATH, postgres:CONNINFO, mysql:CONNINFO, jdbc:..., s3://bucket/prefix,"
          + " az://container/prefix, gs://bucket/prefix, file:///dir, or a bare PATH ending in .sqlite, .sqlite3, .db (SQLite) or .ducklake,"
          + " .duckdb (DuckDB)";

  public CatalogLocation {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(target, "target is null");
  }

  /** A location whose connection string may not set driver class keys. */
  public CatalogLocation(CatalogKind kind, String target) {
    this(kind, target, false);
  }

  /** The same location, allowing or refusing driver class keys in its connection string. */
  public CatalogLocation withDriverClassKeys(boolean allowed) {
    return new CatalogLocation(kind, target, allowed);
  }

  public static CatalogLocation parse(String location) {
    if (location == null || location.isBlank()) {
      throw QuacklakeException.invalid("no catalog location given; use one of: %s", FORMS);
    }
    String s = location.trim();
    if (s.startsWith("ducklake:")) {
      s = s.substring("ducklake:".length());
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sqlite:")) {
      return new CatalogLocation(CatalogKind.SQLITE, s.substring("sqlite:".length()));
    }
    if (lower.startsWith("jdbc:sqlite:")) {
      return new CatalogLocation(CatalogKind.SQLITE, s.substring("jdbc:sqlite:".length()));
    }
    if (lower.startsWith("duckdb:")) {
      return new CatalogLocation(CatalogKind.DUCKDB, s.substring("duckdb:".length()));
    }
    if (lower.startsWith("jdbc:duckdb:")) {
      return new CatalogLocation(CatalogKind.DUCKDB, s.substring("jdbc:duckdb:".length()));
    }
    if (lower.startsWith("postgres:")) {
      return new CatalogLocation(CatalogKind.POSTGRES, s.substring("postgres:".length()));
    }
    if (lower.startsWith("postgresql:")) {
      return new CatalogLocation(CatalogKind.POSTGRES, s.substring("postgresql:".length()));
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return new CatalogLocation(CatalogKind.POSTGRES, s);
    }
    if (lower.startsWith("mysql:")) {
      return new CatalogLocation(CatalogKind.MYSQL, s.substring("mysql:".length()));
    }
    if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
      return new CatalogLocation(CatalogKind.MYSQL, s);
    }
    if (lower.startsWith("s3://")
        || lower.startsWith("az://")
        || lower.startsWith("azure://")
        || lower.startsWith("abfss://")
        || lower.startsWith("gs://")
        || lower.startsWith("gcs://")
        || lower.startsWith("file://")) {
      Location directory = Location.directory(s);
      if (lower.startsWith("file://")) {
        directory.toLocalPath(); // refuses file://host/... with a hint to file:///
      }
      return new CatalogLocation(CatalogKind.OBJECT_STORE, directory.value());
    }
    if (lower.endsWith(".sqlite") || lower.endsWith(".sqlite3") || lower.endsWith(".db")) {
      return new CatalogLocation(CatalogKind.SQLITE, s);
    }
    if (lower.endsWith(".ducklake") || lower.endsWith(".duckdb")) {
      return new CatalogLocation(CatalogKind.DUCKDB, s);
    }
    throw QuacklakeException.invalid(
        "cannot tell the catalog kind of '%s'; use one of: %s%s",
        Redaction.redact(location),
        FORMS,
        s.contains("=") ? " (a connection string needs its postgres: or mysql: prefix)" : "");
  }

  /**
   * The same catalog with its tables in another schema of the database (DuckDB's {@code
   * METADATA_SCHEMA}); PostgreSQL only.
   *
   * @throws QuacklakeException UNSUPPORTED for other catalog kinds
   */
  public CatalogLocation withMetadataSchema(String schema) {
    if (schema == null || schema.isBlank()) {
      return this;
    }
    if (kind != CatalogKind.POSTGRES) {
      throw QuacklakeException.unsupported(
          "a metadata schema ('%s') is supported for PostgreSQL catalogs only; %s keeps its"
              + " tables in its database",
          schema, kind.name().toLowerCase(Locale.ROOT));
    }
    if (!schema.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw QuacklakeException.invalid(
          "metadata schema '%s' must be a plain identifier (letters, digits, _)", schema);
    }
    String base = target.trim();
    boolean url = base.toLowerCase(Locale.ROOT).startsWith("jdbc:");
    String sep = url ? (base.contains("?") ? "&" : "?") : " ";
    return new CatalogLocation(kind, base + sep + "currentSchema=" + schema, driverClassKeys);
  }

  /** Whether the catalog is a file (SQLite, DuckDB) rather than a server database. */
  public boolean isFile() {
    return kind == CatalogKind.SQLITE || kind == CatalogKind.DUCKDB;
  }

  /**
   * Whether the catalog lives in an object store ({@code s3://}, {@code az://}, {@code file://}).
   */
  public boolean isObjectStore() {
    return kind == CatalogKind.OBJECT_STORE;
  }

  @Override
  public String toString() {
    return Redaction.redact(
        isObjectStore() ? target : kind.name().toLowerCase(Locale.ROOT) + ":" + target);
  }
}
