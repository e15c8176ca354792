package io.quacklake.internal.catalog;

/** The database that holds a DuckLake catalog. */
public enum CatalogKind {
  SQLITE,
  DUCKDB,
  POSTGRES,
  MYSQL,
  /** A SQLite catalog kept as immutable versions in an object store (s3://, az://, file://). */
  OBJECT_STORE
}
