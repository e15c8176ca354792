package io.quacklake.catalog;

/** The database that holds a DuckLake catalog. */
public enum CatalogKind {
  SQLITE,
  DUCKDB,
  POSTGRES,
  MYSQL
}
