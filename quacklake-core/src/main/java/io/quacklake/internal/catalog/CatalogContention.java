package io.quacklake.internal.catalog;

import java.sql.SQLException;

/**
 * A catalog write lost a race (another writer inserted the same snapshot id first) or met lock
 * contention; it was rolled back and trying again may succeed.
 */
public final class CatalogContention extends Exception {
  private static final long serialVersionUID = 1L;

  CatalogContention(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
