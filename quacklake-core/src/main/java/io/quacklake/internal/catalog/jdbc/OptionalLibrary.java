package io.quacklake.internal.catalog.jdbc;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogLocation;

/**
 * A library that only some catalog kinds need, declared by core as an optional Maven dependency: a
 * JDBC driver or the connection pool. Catalogs check theirs ({@link SqlDialect#libraries()}) before
 * they connect, so a missing one is one error naming the artifact to add rather than a {@code
 * NoClassDefFoundError} or a driver manager's "no suitable driver". No class of core that every
 * catalog loads refers to these libraries' classes.
 *
 * @param name what the library is, for the message
 * @param artifact its Maven coordinates ({@code groupId:artifactId})
 * @param className a class the library always has; loading it also registers a JDBC driver
 */
public record OptionalLibrary(String name, String artifact, String className) {
  static final OptionalLibrary POSTGRES_DRIVER =
      new OptionalLibrary(
          "the PostgreSQL JDBC driver", "org.postgresql:postgresql", "org.postgresql.Driver");
  static final OptionalLibrary MARIADB_DRIVER =
      new OptionalLibrary(
          "MariaDB Connector/J", "org.mariadb.jdbc:mariadb-java-client", "org.mariadb.jdbc.Driver");
  static final OptionalLibrary CONNECTION_POOL =
      new OptionalLibrary(
          "the HikariCP connection pool",
          "com.zaxxer:HikariCP",
          "com.zaxxer.hikari.HikariDataSource");
  static final OptionalLibrary DUCKDB_DRIVER =
      new OptionalLibrary("DuckDB JDBC", "org.duckdb:duckdb_jdbc", "org.duckdb.DuckDBDriver");

  public OptionalLibrary {
    if (name == null || artifact == null || className == null) {
      throw new IllegalArgumentException("name, artifact and className are required");
    }
  }

  /**
   * Loads the library's class with the class loader that loaded core (the one JDBC's driver manager
   * checks drivers against).
   *
   * @throws QuacklakeException UNSUPPORTED naming the catalog and the artifact when the class is
   *     not there: this installation lacks a capability; the location itself is valid
   */
  void require(CatalogLocation location) {
    try {
      Class.forName(className, true, OptionalLibrary.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new QuacklakeException(
          ErrorKind.UNSUPPORTED,
          "catalog "
              + location
              + " needs "
              + name
              + ", which is not on the class path: add the jar of Maven artifact "
              + artifact,
          e);
    }
  }
}
