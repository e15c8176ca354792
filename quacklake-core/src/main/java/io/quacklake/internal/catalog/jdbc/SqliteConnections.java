package io.quacklake.internal.catalog.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * SQLite connections straight from xerial's driver: {@code DriverManager} would first load every
 * JDBC driver on the class path (DuckDB's starts a JFR monitor), which costs a CLI call on a SQLite
 * lake a noticeable share of its start-up; the driver's native library is kept in the user's cache
 * ({@link SqliteNativeLibrary}) rather than written anew on each start.
 */
public final class SqliteConnections {
  private static volatile java.sql.Driver driver;

  static {
    SqliteNativeLibrary.prepare();
    driver = new org.sqlite.JDBC();
  }

  private SqliteConnections() {}

  /**
   * Makes connections come from {@code replacement} (tests that watch the catalog's statements);
   * returns the driver it replaces, to be put back the same way.
   */
  public static java.sql.Driver replaceDriver(java.sql.Driver replacement) {
    java.sql.Driver previous = driver;
    driver = replacement;
    return previous;
  }

  /** A connection to the SQLite database file {@code file}. */
  public static Connection open(String file, Properties properties) throws SQLException {
    Connection c = driver.connect("jdbc:sqlite:" + file, properties);
    if (c == null) {
      throw new SQLException("the SQLite driver refused jdbc:sqlite:" + file);
    }
    return c;
  }
}
