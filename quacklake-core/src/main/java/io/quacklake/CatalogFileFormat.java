package io.quacklake;

/** The kinds of catalog file an object-store catalog's version can be exported to. */
public enum CatalogFileFormat {
  /**
   * A SQLite file: {@code ATTACH 'ducklake:sqlite:FILE'} in DuckDB (needs its sqlite extension).
   */
  SQLITE,
  /**
   * A DuckDB database file in the storage version DuckDB 1.5 reads: {@code ATTACH 'ducklake:FILE'}
   * (needs DuckDB JDBC on the class path to write it).
   */
  DUCKDB
}
