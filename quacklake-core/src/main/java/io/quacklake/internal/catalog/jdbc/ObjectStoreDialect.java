package io.quacklake.internal.catalog.jdbc;

import io.quacklake.internal.catalog.CatalogKind;
import java.sql.SQLException;

/**
 * Object-store catalogs: SQL runs on a local SQLite copy, so values behave as in SQLite; losing the
 * race to publish the next version counts as a duplicate key (the commit retries on the newer
 * version).
 */
final class ObjectStoreDialect extends SqliteDialect {
  /** The SQLSTATE of "another writer published the next catalog version first". */
  static final String LOST_RACE = "QL409";

  @Override
  public CatalogKind kind() {
    return CatalogKind.OBJECT_STORE;
  }

  @Override
  public boolean isDuplicateKey(SQLException e) {
    return LOST_RACE.equals(e.getSQLState()) || super.isDuplicateKey(e);
  }
}
