package io.quacklake.internal.catalog.jdbc;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogKind;
import io.quacklake.internal.catalog.CatalogLocation;
import io.quacklake.types.LakeColumn;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
  public List<OptionalLibrary> libraries() {
    return List.of(OptionalLibrary.DUCKDB_DRIVER);
  }

  /**
   * Opens a catalog file confined: no file system access outside the database files (a view or
   * macro in the file cannot read or write other files), no extension loading or installing, and
   * the configuration locked so the catalog's SQL cannot undo it. A file whose {@code ducklake_*}
   * objects include a view is refused.
   *
   * @throws QuacklakeException CORRUPT naming the view; INVALID_ARGUMENT for a path with {@code ;}
   *     (DuckDB JDBC reads what follows as settings)
   */
  @Override
  public Connection connect(CatalogLocation location, boolean readOnly) throws SQLException {
    Properties props = baseProperties(location);
    props.setProperty("enable_external_access", "false");
    if (readOnly) {
      props.setProperty("duckdb.read_only", "true");
    }
    Connection c = DriverManager.getConnection("jdbc:duckdb:" + location.target(), props);
    try {
      lock(c);
      refuseViews(c, location);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * New DuckDB catalogs use storage version v1.5.0 so that DuckDB 1.5.x, which reads DuckLake 1.0,
   * can open them. The file is attached to an in-memory database (attaching needs file access),
   * then the connection is confined as {@link #connect} confines it.
   */
  @Override
  public Connection connectNew(CatalogLocation location) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb::memory:", baseProperties(location));
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("DETACH DATABASE IF EXISTS catalog_init");
      s.execute(
          "ATTACH '"
              + location.target().replace("'", "''")
              + "' AS catalog_init (STORAGE_VERSION 'v1.5.0')");
      s.execute("USE catalog_init");
      lock(c);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private static Properties baseProperties(CatalogLocation location) {
    if (location.target().indexOf(';') >= 0) {
      throw QuacklakeException.invalid(
          "DuckDB catalog path '%s' contains ';', which DuckDB JDBC reads as the start of"
              + " connection settings; rename the file or its directory",
          location.target());
    }
    Properties props = new Properties();
    props.setProperty("autoload_known_extensions", "false");
    props.setProperty("autoinstall_known_extensions", "false");
    return props;
  }

  /**
   * Turns file access off, sets UTC and locks the configuration, once per database instance
   * (connections to the same file in one process share it, and a locked one refuses every SET).
   */
  private static void lock(Connection c) throws SQLException {
    boolean locked;
    try (java.sql.Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('lock_configuration')")) {
      locked = rs.next() && rs.getBoolean(1);
    }
    if (!locked) {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("SET GLOBAL enable_external_access = false");
        s.execute("SET GLOBAL TimeZone = 'UTC'");
        s.execute("SET GLOBAL lock_configuration = true");
      }
    }
  }

  /** Refuses a catalog file in which a {@code ducklake_*} name belongs to a view. */
  private static void refuseViews(Connection c, CatalogLocation location) throws SQLException {
    try (java.sql.Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal"
                    + " AND database_name = current_database()"
                    + " AND starts_with(lower(view_name), 'ducklake_') ORDER BY 1, 2")) {
      if (rs.next()) {
        throw QuacklakeException.corrupt(
            "catalog %s has a view %s.%s where DuckLake keeps a table; a catalog whose ducklake_*"
                + " objects are views is refused (a view runs arbitrary SQL on every read):"
                + " replace the view by the table from a trusted copy of the catalog",
            location, rs.getString(1), rs.getString(2));
      }
    }
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
    return value == null ? null : io.quacklake.internal.text.DuckDbText.format(value, column);
  }

  @Override
  public String selectInlinedColumn(String quotedColumn, LakeColumn column) {
    if (column.type().id() == io.quacklake.types.TypeId.VARIANT) {
      return "CAST(to_json(" + quotedColumn + ") AS VARCHAR)";
    }
    return "CAST(" + quotedColumn + " AS VARCHAR)";
  }

  @Override
  public String castToBigint(String expression) {
    return "TRY_CAST(" + expression + " AS BIGINT)";
  }
}
