package io.quacklake.internal.catalog.jdbc;

import io.quacklake.internal.catalog.CatalogKind;
import io.quacklake.internal.catalog.CatalogLocation;
import io.quacklake.internal.catalog.InlinedValues;
import io.quacklake.types.LakeColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/** SQLite catalogs (xerial sqlite-jdbc): values in SQLite storage classes. */
class SqliteDialect implements SqlDialect {
  @Override
  public CatalogKind kind() {
    return CatalogKind.SQLITE;
  }

  @Override
  public Connection connect(CatalogLocation location, boolean readOnly) throws SQLException {
    Properties props = new Properties();
    if (readOnly) {
      props.setProperty("open_mode", "1");
    } else {
      // Writers take the database lock when their transaction begins, so two writers never
      // interleave between reading the latest snapshot and inserting the next one.
      props.setProperty("transaction_mode", "IMMEDIATE");
      props.setProperty("journal_mode", "WAL");
    }
    props.setProperty("busy_timeout", "5000");
    return SqliteConnections.open(location.target(), props);
  }

  @Override
  public boolean isDuplicateKey(SQLException e) {
    return e instanceof org.sqlite.SQLiteException s
        && (s.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
            || s.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
  }

  @Override
  public boolean isBusy(SQLException e) {
    return e.getErrorCode() == 5 || e.getErrorCode() == 6;
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
  public java.util.List<String> tableColumns(Connection connection, String table)
      throws SQLException {
    java.util.List<String> names = new java.util.ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT name FROM pragma_table_info(?) WHERE EXISTS (SELECT 1 FROM sqlite_master"
                + " WHERE type = 'table' AND name = ?) ORDER BY cid")) {
      ps.setString(1, table);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  @Override
  public String inlinedColumnType(LakeColumn column) {
    return InlinedValues.isNative(column) ? column.sqlTypeName() : "VARCHAR";
  }

  @Override
  public String selectInlinedColumn(String quotedColumn, LakeColumn column) {
    return quotedColumn;
  }

  @Override
  public String castToBigint(String expression) {
    return "CAST(" + expression + " AS INTEGER)";
  }
}
