package io.quacklake.internal.catalog.jdbc;

import io.quacklake.internal.catalog.CatalogInstants;
import io.quacklake.internal.catalog.CatalogKind;
import io.quacklake.internal.catalog.CatalogLocation;
import io.quacklake.internal.catalog.Redaction;
import io.quacklake.types.LakeColumn;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * MySQL and MariaDB catalogs (MariaDB Connector/J). DuckDB's type names become MySQL's (VARCHAR →
 * TEXT, UUID → VARCHAR(36), TIMESTAMPTZ → DATETIME(6) holding UTC); identifiers are ANSI-quoted;
 * errors are classified by vendor code (1062 duplicate key, 1213 deadlock, 1205 lock wait).
 */
final class MySqlDialect implements SqlDialect {
  @Override
  public CatalogKind kind() {
    return CatalogKind.MYSQL;
  }

  @Override
  public Connection connect(CatalogLocation location, boolean readOnly) throws SQLException {
    DriverClassKeys.check(location, DriverClassKeys.MYSQL);
    Connection c;
    try {
      c =
          DriverManager.getConnection(
              MySqlConnInfo.url(location.target()), MySqlConnInfo.properties(location.target()));
    } catch (SQLException e) {
      throw Redaction.redacted(e, location.target());
    }
    try {
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  public String ddl(String statement) {
    String typed =
        statement
            .replace(" VARCHAR", " TEXT")
            .replace(" UUID", " VARCHAR(36)")
            .replace(" TIMESTAMP WITH TIME ZONE", " DATETIME(6)");
    return statement.startsWith("CREATE TABLE")
        ? typed + " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"
        : typed;
  }

  @Override
  public String currentSchemaFunction() {
    return "DATABASE()";
  }

  @Override
  public boolean isDuplicateKey(SQLException e) {
    return e.getErrorCode() == 1062;
  }

  @Override
  public boolean isBusy(SQLException e) {
    // 1213 deadlock, 1205 lock wait timeout, 1412 "table definition has changed" (a table such
    // as an inlined-data table was created after this transaction's snapshot), 1020 "record has
    // changed since last read" (snapshot isolation): each asks for the transaction to be retried.
    int code = e.getErrorCode();
    return code == 1213 || code == 1205 || code == 1412 || code == 1020;
  }

  /** DATETIME(6) has no zone: the text is taken as UTC, as written. */
  @Override
  public String timestampParameter() {
    return "CAST(SUBSTRING(?, 1, 26) AS DATETIME(6))";
  }

  @Override
  public Instant readInstant(ResultSet rs, int column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : CatalogInstants.parse(text);
  }

  @Override
  public String selectInlinedColumn(String quotedColumn, LakeColumn column) {
    return quotedColumn;
  }

  @Override
  public String inlinedColumnType(LakeColumn column) {
    return switch (column.type().id()) {
      case BOOLEAN -> "BOOLEAN";
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 -> "BIGINT";
      case BLOB -> "LONGBLOB";
      default -> "LONGTEXT";
    };
  }

  @Override
  public boolean transactionalDdl() {
    return false;
  }

  @Override
  public boolean pooled() {
    return true;
  }

  @Override
  public List<OptionalLibrary> libraries() {
    return List.of(OptionalLibrary.MARIADB_DRIVER, OptionalLibrary.CONNECTION_POOL);
  }

  @Override
  public int writeIsolation() {
    return Connection.TRANSACTION_REPEATABLE_READ;
  }

  @Override
  public String castToBigint(String expression) {
    return "CAST(" + expression + " AS SIGNED)";
  }
}
