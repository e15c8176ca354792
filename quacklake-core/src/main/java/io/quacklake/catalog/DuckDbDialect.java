package io.quacklake.catalog;

import io.quacklake.ErrorKind;
import io.quacklake.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * DuckDB database files as catalogs, through DuckDB JDBC (an optional dependency). Inlined values
 * are selected as DuckDB's VARCHAR text, the same form other catalogs store for most types.
 */
final class DuckDbDialect implements SqlDialect {
  @Override
  public CatalogKind kind() {
    return CatalogKind.DUCKDB;
  }

  @Override
  public Connection connect(CatalogLocation location, boolean readOnly) throws SQLException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new QuacklakeException(
          ErrorKind.UNSUPPORTED,
          "catalog "
              + location
              + " is a DuckDB file, but DuckDB JDBC (org.duckdb:duckdb_jdbc) is not on the class"
              + " path; add it as a dependency",
          e);
    }
    Properties props = new Properties();
    if (readOnly) {
      props.setProperty("duckdb.read_only", "true");
    }
    Connection c = DriverManager.getConnection("jdbc:duckdb:" + location.target(), props);
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * New DuckDB catalogs use storage version v1.5.0 so that DuckDB 1.5.x, which reads DuckLake 1.0,
   * can open them.
   */
  @Override
  public Connection connectNew(CatalogLocation location) throws SQLException {
    Connection c = connect(new CatalogLocation(CatalogKind.DUCKDB, ":memory:"), false);
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("DETACH DATABASE IF EXISTS catalog_init");
      s.execute(
          "ATTACH '"
              + location.target().replace("'", "''")
              + "' AS catalog_init (STORAGE_VERSION 'v1.5.0')");
      s.execute("USE catalog_init");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * DuckDB JDBC reports neither SQLSTATE nor a vendor code for constraint errors, so its message
   * prefix is the documented last resort.
   */
  @Override
  public boolean isDuplicateKey(SQLException e) {
    String m = e.getMessage();
    return m != null && m.startsWith("Constraint Error") && m.contains("primary key");
  }

  @Override
  public boolean isBusy(SQLException e) {
    String m = e.getMessage();
    return m != null && (m.startsWith("TransactionContext Error") || m.contains("Conflict on"));
  }

  @Override
  public String timestampParameter() {
    return "CAST(? AS TIMESTAMPTZ)";
  }

  @Override
  public boolean sharesReadAndWriteConnection() {
    return true;
  }

  @Override
  public String inlinedColumnType(LakeColumn column) {
    return column.sqlTypeName();
  }

  /** Every value is bound as DuckDB text and cast by DuckDB, nested values included. */
  @Override
  public String inlinedPlaceholder(LakeColumn column) {
    return "CAST(? AS " + column.sqlTypeName() + ")";
  }

  @Override
  public Object inlinedValue(Object value, LakeColumn column) {
    return value == null ? null : io.quacklake.text.DuckDbText.format(value, column);
  }

  @Override
  public String selectInlinedColumn(String quotedColumn, LakeColumn column) {
    return "CAST(" + quotedColumn + " AS VARCHAR)";
  }

  @Override
  public String castToBigint(String expression) {
    return "TRY_CAST(" + expression + " AS BIGINT)";
  }
}
