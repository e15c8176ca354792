package io.quacklake.internal.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** JDBC getters that keep SQL NULL as Java null. */
final class NullableColumns {
  private NullableColumns() {}

  static Long getLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static Boolean getBoolean(ResultSet rs, int column) throws SQLException {
    boolean v = rs.getBoolean(column);
    return rs.wasNull() ? null : v;
  }
}
