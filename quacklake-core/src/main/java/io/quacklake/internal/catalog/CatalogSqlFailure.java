package io.quacklake.internal.catalog;

import java.sql.SQLException;

/**
 * Carries a failed catalog statement out of a {@link CatalogConnection#read} or {@link
 * CatalogConnection#write} body, unchecked, to the connection, which alone translates it.
 */
final class CatalogSqlFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CatalogSqlFailure(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  SQLException sqlCause() {
    return (SQLException) getCause();
  }
}
