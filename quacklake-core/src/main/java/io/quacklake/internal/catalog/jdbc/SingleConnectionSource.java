package io.quacklake.internal.catalog.jdbc;

import io.quacklake.internal.catalog.CatalogLocation;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Embedded catalogs (SQLite, DuckDB files): one read connection, and a write connection opened on
 * first use. SQLite gets a second connection, so that reads keep their deferred read-only
 * transactions and never hold the write lock; DuckDB allows one configuration per file and process,
 * so its read connection is reopened read-write and shared. Callers take turns.
 */
public final class SingleConnectionSource implements ConnectionSource {
  private final CatalogLocation location;
  private final SqlDialect dialect;
  private Connection connection;
  private Connection writer;

  public SingleConnectionSource(
      CatalogLocation location, SqlDialect dialect, Connection connection) {
    this.location = location;
    this.dialect = dialect;
    this.connection = connection;
  }

  @Override
  public Connection forRead() {
    return connection;
  }

  @Override
  public Connection forWrite() throws SQLException {
    if (writer != null) {
      return writer;
    }
    if (!dialect.sharesReadAndWriteConnection()) {
      writer = dialect.connect(location, false);
      return writer;
    }
    ConnectionSource.closeQuietly(connection);
    try {
      connection = dialect.connect(location, false);
    } catch (SQLException e) {
      connection = dialect.connect(location, true);
      throw e;
    }
    writer = connection;
    return writer;
  }

  @Override
  public void release(Connection c) {}

  @Override
  public boolean serialised() {
    return true;
  }

  @Override
  public void close() {
    if (writer != null && writer != connection) {
      ConnectionSource.closeQuietly(writer);
    }
    ConnectionSource.closeQuietly(connection);
  }
}
