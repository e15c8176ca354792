package io.quacklake.internal.catalog.jdbc;

import io.quacklake.internal.catalog.CatalogKind;
import io.quacklake.internal.catalog.CatalogLocation;
import io.quacklake.internal.catalog.Redaction;
import io.quacklake.types.LakeColumn;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * PostgreSQL catalogs (pgjdbc). Catalog tables use PostgreSQL's native types for DuckDB's names;
 * inlined values follow DuckDB's PostgreSQL layout (strings and blobs as BYTEA, wide integers and
 * temporal values as text, nested values as DuckDB text). Errors are classified by SQLSTATE.
 */
final class PostgresDialect implements SqlDialect {
  private static final Set<String> BUSY = Set.of("40001", "40P01", "55P03");

  @Override
  public CatalogKind kind() {
    return CatalogKind.POSTGRES;
  }

  /**
   * Connects with the location's keys (refusing driver class keys it may not set), in the metadata
   * schema by its exact name: DuckDB's postgres extension quotes every identifier, so a mixed-case
   * schema keeps its case. Intervals print in the {@code postgres} style whatever the server's
   * default.
   */
  @Override
  public Connection connect(CatalogLocation location, boolean readOnly) throws SQLException {
    DriverClassKeys.check(location, DriverClassKeys.POSTGRES);
    Properties props = PostgresConnInfo.properties(location.target());
    // Strings bind to any column type (uuid, numeric, timestamptz), as DuckDB's text values do.
    props.setProperty("stringtype", "unspecified");
    Connection c;
    try {
      c = DriverManager.getConnection(PostgresConnInfo.url(location.target()), props);
    } catch (SQLException e) {
      throw Redaction.redacted(e, location.target());
    }
    try {
      String schema = PostgresConnInfo.schema(location.target());
      if (schema != null) {
        // pgjdbc's currentSchema reaches the server unquoted (folded to lower case); setSchema
        // sets search_path to the name as a literal, case kept.
        c.setSchema(schema);
      }
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("SET IntervalStyle = 'postgres'");
      }
      if (readOnly) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /** Creates the metadata schema ({@code currentSchema}) when a new catalog names one. */
  @Override
  public Connection connectNew(CatalogLocation location) throws SQLException {
    Connection c = connect(location, false);
    String schema = PostgresConnInfo.schema(location.target());
    if (schema != null) {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        s.execute("SET search_path TO " + quote(schema));
      }
    }
    return c;
  }

  @Override
  public boolean pooled() {
    return true;
  }

  @Override
  public List<OptionalLibrary> libraries() {
    return List.of(OptionalLibrary.POSTGRES_DRIVER, OptionalLibrary.CONNECTION_POOL);
  }

  @Override
  public boolean sharesReadAndWriteConnection() {
    return false;
  }

  @Override
  public boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  @Override
  public boolean isBusy(SQLException e) {
    return e.getSQLState() != null && BUSY.contains(e.getSQLState());
  }

  /**
   * Times and intervals are read as text: DuckDB's postgres extension creates their inlined columns
   * as PostgreSQL's {@code time} and {@code interval} (pgjdbc's objects for them drop microseconds
   * or overflow), Quacklake as {@code VARCHAR} holding DuckDB's text. PostgreSQL's text of both is
   * DuckDB's, intervals in the {@code postgres} style {@link #connect} sets.
   */
  @Override
  public String selectInlinedColumn(String quotedColumn, LakeColumn column) {
    return switch (column.type().id()) {
      case TIME, TIMETZ, INTERVAL -> "CAST(" + quotedColumn + " AS VARCHAR)";
      default -> quotedColumn;
    };
  }

  @Override
  public String inlinedColumnType(LakeColumn column) {
    return switch (column.type().id()) {
      case BOOLEAN -> "BOOLEAN";
      case INT8, INT16 -> "SMALLINT";
      case INT32, UINT8, UINT16 -> "INTEGER";
      case INT64, UINT32 -> "BIGINT";
      case FLOAT32 -> "REAL";
      case FLOAT64 -> "DOUBLE PRECISION";
      case DECIMAL -> "NUMERIC(" + column.type().precision() + "," + column.type().scale() + ")";
      case VARCHAR, JSON, BLOB -> "BYTEA";
      case UUID -> "UUID";
      default -> "VARCHAR";
    };
  }

  @Override
  public Object inlinedValue(Object value, LakeColumn column) {
    if (value == null) {
      return null;
    }
    return switch (column.type().id()) {
      case BOOLEAN, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, BLOB -> value;
      case FLOAT32, FLOAT64 -> value;
      case DECIMAL -> value;
      case VARCHAR, JSON -> ((String) value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      default -> io.quacklake.internal.text.DuckDbText.format(value, column);
    };
  }
}
