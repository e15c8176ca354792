package io.quacklake.internal.catalog.jdbc;

import io.quacklake.internal.catalog.CatalogInstants;
import io.quacklake.internal.catalog.CatalogKind;
import io.quacklake.internal.catalog.CatalogLocation;
import io.quacklake.internal.catalog.InlinedValues;
import io.quacklake.types.LakeColumn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What differs between catalog databases: how to connect, how values come back, how inlined values
 * are selected. The catalog SQL itself is shared.
 */
public interface SqlDialect {
  CatalogKind kind();

  /** Opens a connection to an existing catalog. */
  Connection connect(CatalogLocation location, boolean readOnly) throws SQLException;

  /** A catalog {@code CREATE TABLE} statement (DuckDB type names) in this database's types. */
  default String ddl(String statement) {
    return statement;
  }

  /** Creates the database of a new catalog and connects to it for writing. */
  default Connection connectNew(CatalogLocation location) throws SQLException {
    return connect(location, false);
  }

  /**
   * Whether reads and writes must share one connection (a DuckDB file allows one configuration per
   * process); otherwise writes get their own connection and reads never hold write locks.
   */
  default boolean sharesReadAndWriteConnection() {
    return false;
  }

  /** Whether connections come from a pool (server catalogs) rather than one shared connection. */
  /**
   * Whether DDL runs inside a transaction. MySQL and MariaDB commit the open transaction implicitly
   * at every CREATE or DROP TABLE, so commits there create the tables they need beforehand.
   */
  default boolean transactionalDdl() {
    return true;
  }

  default boolean pooled() {
    return false;
  }

  /** The optional libraries this catalog kind needs on the class path (drivers, the pool). */
  default List<OptionalLibrary> libraries() {
    return List.of();
  }

  /** The isolation level of write transactions on pooled connections. */
  default int writeIsolation() {
    return java.sql.Connection.TRANSACTION_READ_COMMITTED;
  }

  /** SQL that casts a text expression holding an integer to a 64-bit integer. */
  default String castToBigint(String expression) {
    return "CAST(" + expression + " AS BIGINT)";
  }

  /** Whether a table exists in the catalog's schema. */
  default boolean tableExists(Connection connection, String table) throws SQLException {
    try (java.sql.PreparedStatement ps =
        connection.prepareStatement(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = "
                + currentSchemaFunction()
                + " AND table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * The column names of a table in the catalog's schema, in table order; empty when there is no
   * such table.
   */
  default java.util.List<String> tableColumns(Connection connection, String table)
      throws SQLException {
    java.util.List<String> names = new java.util.ArrayList<>();
    try (java.sql.PreparedStatement ps =
        connection.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                + currentSchemaFunction()
                + " AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  /** The SQL function naming the schema the catalog tables live in. */
  default String currentSchemaFunction() {
    return "current_schema()";
  }

  /** The SQL expression selecting an inlined column, in a form {@link InlinedValues} decodes. */
  String selectInlinedColumn(String quotedColumn, LakeColumn column);

  /** Whether the error is a duplicate primary key: another writer took the snapshot id. */
  boolean isDuplicateKey(SQLException e);

  /** Whether the error is transient lock contention worth retrying. */
  default boolean isBusy(SQLException e) {
    return false;
  }

  /**
   * The SQL placeholder binding a TIMESTAMPTZ given as text {@code yyyy-MM-dd HH:mm:ss.ffffff+00}.
   */
  default String timestampParameter() {
    return "?";
  }

  /** The declared type of an inlined-data column holding {@code column}. */
  String inlinedColumnType(LakeColumn column);

  /** The SQL placeholder for an inlined value of {@code column}. */
  default String inlinedPlaceholder(LakeColumn column) {
    return "?";
  }

  /** The JDBC value to bind for a canonical value of {@code column} in an inlined table. */
  default Object inlinedValue(Object value, LakeColumn column) {
    return InlinedValues.encode(value, column);
  }

  default String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Reads a TIMESTAMPTZ catalog column. */
  default Instant readInstant(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    return CatalogInstants.toInstant(value);
  }

  /**
   * The dialect of a catalog about to be opened or created, after checking its {@link
   * #libraries()}.
   *
   * @throws io.quacklake.exceptions.QuacklakeException UNSUPPORTED naming the artifact of a missing
   *     library
   */
  static SqlDialect forLocation(CatalogLocation location) {
    SqlDialect dialect = of(location.kind());
    dialect.libraries().forEach(library -> library.require(location));
    return dialect;
  }

  static SqlDialect of(CatalogKind kind) {
    return switch (kind) {
      case SQLITE -> new SqliteDialect();
      case DUCKDB -> new DuckDbDialect();
      case POSTGRES -> new PostgresDialect();
      case MYSQL -> new MySqlDialect();
      case OBJECT_STORE -> new ObjectStoreDialect();
    };
  }
}
