package io.quacklake.catalog;

import io.quacklake.types.LakeColumn;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/** SQLite catalogs (xerial sqlite-jdbc): values in SQLite storage classes. */
final class SqliteDialect implements SqlDialect {
  @Override
  public CatalogKind kind() {
    return CatalogKind.SQLITE;
  }

  @Override
  public Connection connect(CatalogLocation location, boolean readOnly) throws SQLException {
    Properties props = new Properties();
    if (readOnly) {
      props.setProperty("open_mode", "1");
    }
    props.setProperty("busy_timeout", "5000");
    return DriverManager.getConnection("jdbc:sqlite:" + location.target(), props);
  }

  @Override
  public boolean tableExists(Connection connection, String table) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public String selectInlinedColumn(String quotedColumn, LakeColumn column) {
    return quotedColumn;
  }
}
