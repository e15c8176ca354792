package io.quacklake.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a {@link CatalogConnection} gets its JDBC connections. */
interface ConnectionSource extends AutoCloseable {
  /** A connection for one consistent read; hand it back with {@link #release}. */
  Connection forRead() throws SQLException;

  /** A connection for one write transaction; hand it back with {@link #release}. */
  Connection forWrite() throws SQLException;

  void release(Connection connection);

  /** Whether callers must take turns (the source has one connection for everyone). */
  boolean serialised();

  @Override
  void close();
}
