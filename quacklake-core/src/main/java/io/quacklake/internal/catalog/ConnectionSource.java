package io.quacklake.internal.catalog;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a {@link CatalogConnection} gets its JDBC connections. */
interface ConnectionSource extends AutoCloseable {
  /** A connection for one consistent read; hand it back with {@link #release}. */
  Connection forRead() throws SQLException;

  /** A connection for one write transaction; hand it back with {@link #release}. */
  Connection forWrite() throws SQLException;

  void release(Connection connection);

  /**
   * Called after a write transaction committed on {@code connection}; a source whose commits must
   * be published elsewhere does it here. A {@link java.sql.SQLException} the dialect classifies as
   * a duplicate key makes the commit retry.
   */
  default void committed(Connection connection) throws java.sql.SQLException {}

  /** Whether callers must take turns (the source has one connection for everyone). */
  boolean serialised();

  @Override
  void close();
}
