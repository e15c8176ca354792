package io.quacklake.catalog;

import io.quacklake.types.LakeColumn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * What differs between catalog databases: how to connect, how values come back, how inlined values
 * are selected. The catalog SQL itself is shared.
 */
public interface SqlDialect {
  CatalogKind kind();

  /** Opens a connection to an existing catalog. */
  Connection connect(CatalogLocation location, boolean readOnly) throws SQLException;

  /** Whether a table exists in the catalog's schema. */
  boolean tableExists(Connection connection, String table) throws SQLException;

  /** The SQL expression selecting an inlined column, in a form {@link InlinedValues} decodes. */
  String selectInlinedColumn(String quotedColumn, LakeColumn column);

  default String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** Reads a TIMESTAMPTZ catalog column. */
  default Instant readInstant(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    return CatalogInstants.toInstant(value);
  }

  static SqlDialect of(CatalogKind kind) {
    return switch (kind) {
      case SQLITE -> new SqliteDialect();
      case DUCKDB -> new DuckDbDialect();
      default -> throw new IllegalArgumentException("no dialect for " + kind);
    };
  }
}
