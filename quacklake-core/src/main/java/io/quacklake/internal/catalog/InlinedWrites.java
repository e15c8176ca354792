package io.quacklake.internal.catalog;

import io.quacklake.types.LakeColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Creates inlined-data tables and writes, ends and deletes inlined rows. */
public final class InlinedWrites {
  private InlinedWrites() {}

  public static String tableName(long tableId, long schemaVersion) {
    return "ducklake_inlined_data_" + tableId + "_" + schemaVersion;
  }

  /** Creates and registers the inlined-data table of a table at a schema version. */
  public static void create(
      Connection c, SqlDialect dialect, long tableId, long schemaVersion, List<LakeColumn> columns)
      throws SQLException {
    String name = tableName(tableId, schemaVersion);
    StringBuilder ddl =
        new StringBuilder("CREATE TABLE ")
            .append(dialect.quote(name))
            .append("(row_id BIGINT, begin_snapshot BIGINT, end_snapshot BIGINT");
    for (LakeColumn col : columns) {
      ddl.append(", ")
          .append(dialect.quote(col.name()))
          .append(' ')
          .append(dialect.inlinedColumnType(col));
    }
    ddl.append(")");
    try (Statement s = c.createStatement()) {
      s.execute(dialect.ddl(ddl.toString()));
    }
    Sql.update(
        c,
        "INSERT INTO ducklake_inlined_data_tables VALUES (?, ?, ?)",
        tableId,
        name,
        schemaVersion);
  }

  /** Inserts rows (canonical values aligned with {@code columns}) with their row ids. */
  public static void insert(
      Connection c,
      SqlDialect dialect,
      String table,
      List<LakeColumn> columns,
      long snapshot,
      long[] rowIds,
      List<Object[]> rows)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("INSERT INTO ")
            .append(dialect.quote(table))
            .append(" VALUES (?, ?, NULL");
    for (LakeColumn col : columns) {
      sql.append(", ").append(dialect.inlinedPlaceholder(col));
    }
    sql.append(")");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int r = 0; r < rows.size(); r++) {
        Object[] bound = new Object[columns.size() + 2];
        bound[0] = rowIds[r];
        bound[1] = snapshot;
        for (int i = 0; i < columns.size(); i++) {
          bound[i + 2] = dialect.inlinedValue(rows.get(r)[i], columns.get(i));
        }
        Sql.bind(ps, bound);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Marks inlined rows deleted at {@code snapshot}; new versions of the same rows inserted by this
   * snapshot (an update) stay.
   */
  public static void end(
      Connection c, SqlDialect dialect, String table, long snapshot, List<Long> rowIds)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + dialect.quote(table)
                + " SET end_snapshot = ? WHERE row_id = ? AND end_snapshot IS NULL"
                + " AND begin_snapshot < ?")) {
      for (long id : rowIds) {
        Sql.bind(ps, snapshot, id, snapshot);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Records positions of a data file deleted in the catalog instead of in a delete file. */
  public static void insertFileDeletes(
      Connection c,
      SqlDialect dialect,
      long tableId,
      long dataFileId,
      long snapshot,
      long[] positions)
      throws SQLException {
    String table = "ducklake_inlined_delete_" + tableId;
    try (Statement s = c.createStatement()) {
      s.execute(
          dialect.ddl(
              "CREATE TABLE IF NOT EXISTS "
                  + dialect.quote(table)
                  + "(file_id BIGINT, row_id BIGINT, begin_snapshot BIGINT)"));
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + dialect.quote(table) + " VALUES (?, ?, ?)")) {
      for (long p : positions) {
        Sql.bind(ps, dataFileId, p, snapshot);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
