package io.quacklake.internal.catalog.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the catalog gets its JDBC connections. */
public interface ConnectionSource extends AutoCloseable {
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

  /** Closes {@code c}, ignoring a failure: closing a read-only connection loses nothing. */
  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a read-only connection loses nothing
    }
  }
}
