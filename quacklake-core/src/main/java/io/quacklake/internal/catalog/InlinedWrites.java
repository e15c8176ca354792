package io.quacklake.internal.catalog;

import io.quacklake.internal.catalog.jdbc.SqlDialect;
import io.quacklake.types.LakeColumn;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Creates inlined-data tables and writes, ends and deletes inlined rows. */
public final class InlinedWrites {
  private InlinedWrites() {}

  public static String tableName(long tableId, long schemaVersion) {
    return "ducklake_inlined_data_" + tableId + "_" + schemaVersion;
  }

  /** Creates and registers the inlined-data table of a table at a schema version. */
  public static void create(
      CatalogSession c, long tableId, long schemaVersion, List<LakeColumn> columns) {
    SqlDialect dialect = c.dialect();
    String name = tableName(tableId, schemaVersion);
    StringBuilder ddl =
        new StringBuilder("CREATE TABLE ")
            .append(dialect.quote(name))
            .append("(")
            .append(c.inlinedNames().rowId())
            .append(" BIGINT, ")
            .append(c.inlinedNames().beginSnapshot())
            .append(" BIGINT, ")
            .append(c.inlinedNames().endSnapshot())
            .append(" BIGINT");
    for (LakeColumn col : columns) {
      ddl.append(", ")
          .append(dialect.quote(col.name()))
          .append(' ')
          .append(dialect.inlinedColumnType(col));
    }
    ddl.append(")");
    Sql.execute(c, dialect.ddl(ddl.toString()));
    Sql.update(
        c,
        "INSERT INTO ducklake_inlined_data_tables VALUES (?, ?, ?)",
        tableId,
        name,
        schemaVersion);
  }

  /**
   * Creates and registers the inlined-data table of a table at a schema version after the commit
   * that made the version ({@code snapshot}), unless it is registered already. A table left
   * unregistered by an earlier interrupted attempt has the same columns and is kept.
   */
  public static void createAfterCommit(
      CatalogSession c, long tableId, long schemaVersion, long snapshot) {
    String name = tableName(tableId, schemaVersion);
    boolean registered =
        Sql.one(
                c,
                "SELECT COUNT(*) FROM ducklake_inlined_data_tables WHERE table_name = ?",
                rs -> rs.getLong(1),
                name)
            > 0;
    if (registered) {
      return;
    }
    List<LakeColumn> columns =
        ColumnTree.build(tableId, ObjectGateway.columns(c, tableId, snapshot));
    if (columns.isEmpty()) {
      return;
    }
    if (tableExists(c, name)) {
      Sql.update(
          c,
          "INSERT INTO ducklake_inlined_data_tables VALUES (?, ?, ?)",
          tableId,
          name,
          schemaVersion);
    } else {
      create(c, tableId, schemaVersion, columns);
    }
  }

  /**
   * Creates the inlined-data table of the table's current schema version when a commit's creation
   * right after it did not happen (MySQL and MariaDB, a crash or an error in between).
   *
   * @return false when the table has no schema-version rows to go by
   */
  public static boolean createForCurrentVersion(CatalogSession c, long tableId) {
    long[] current =
        Sql.one(
            c,
            "SELECT schema_version, begin_snapshot FROM ducklake_schema_versions"
                + " WHERE table_id = ? ORDER BY schema_version DESC LIMIT 1",
            rs -> new long[] {rs.getLong(1), rs.getLong(2)},
            tableId);
    if (current == null) {
      return false;
    }
    createAfterCommit(c, tableId, current[0], current[1]);
    return true;
  }

  /** Inserts rows (canonical values aligned with {@code columns}) with their row ids. */
  public static void insert(
      CatalogSession c,
      String table,
      List<LakeColumn> columns,
      long snapshot,
      long[] rowIds,
      List<Object[]> rows) {
    SqlDialect dialect = c.dialect();
    StringBuilder sql =
        new StringBuilder("INSERT INTO ")
            .append(dialect.quote(table))
            .append(" VALUES (?, ?, NULL");
    for (LakeColumn col : columns) {
      sql.append(", ").append(dialect.inlinedPlaceholder(col));
    }
    sql.append(")");
    List<Object[]> bound = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = new Object[columns.size() + 2];
      row[0] = rowIds[r];
      row[1] = snapshot;
      for (int i = 0; i < columns.size(); i++) {
        row[i + 2] = dialect.inlinedValue(rows.get(r)[i], columns.get(i));
      }
      bound.add(row);
    }
    Sql.batch(c, sql.toString(), bound);
  }

  /**
   * Marks inlined rows deleted at {@code snapshot}; new versions of the same rows inserted by this
   * snapshot (an update) stay.
   */
  public static void end(CatalogSession c, String table, long snapshot, List<Long> rowIds) {
    List<Object[]> bound = new ArrayList<>(rowIds.size());
    for (long id : rowIds) {
      bound.add(new Object[] {snapshot, id, snapshot});
    }
    Sql.batch(
        c,
        "UPDATE "
            + c.dialect().quote(table)
            + String.format(
                " SET %3$s = ? WHERE %1$s = ? AND %3$s IS NULL AND %2$s < ?",
                c.inlinedNames().rowId(),
                c.inlinedNames().beginSnapshot(),
                c.inlinedNames().endSnapshot()),
        bound);
  }

  /** Records positions of a data file deleted in the catalog instead of in a delete file. */
  public static void insertFileDeletes(
      CatalogSession c, long tableId, long dataFileId, long snapshot, long[] positions) {
    SqlDialect dialect = c.dialect();
    String table = deleteTableName(tableId);
    if (dialect.transactionalDdl()) {
      createFileDeleteTable(c, tableId);
    } else if (!tableExists(c, table)) {
      throw new IllegalStateException(
          table + " was not created before the commit (a CREATE TABLE would commit it halfway)");
    }
    List<Object[]> bound = new ArrayList<>(positions.length);
    for (long p : positions) {
      bound.add(new Object[] {dataFileId, p, snapshot});
    }
    Sql.batch(c, "INSERT INTO " + dialect.quote(table) + " VALUES (?, ?, ?)", bound);
  }

  /**
   * Creates the table's inlined-delete table unless it exists. On catalogs without transactional
   * DDL this runs in its own transaction before a commit that may need it.
   */
  public static void createFileDeleteTable(CatalogSession c, long tableId) {
    SqlDialect dialect = c.dialect();
    if (!dialect.transactionalDdl() && tableExists(c, deleteTableName(tableId))) {
      return;
    }
    Sql.execute(
        c,
        dialect.ddl(
            "CREATE TABLE IF NOT EXISTS "
                + dialect.quote(deleteTableName(tableId))
                + "(file_id BIGINT, row_id BIGINT, begin_snapshot BIGINT)"));
  }

  /**
   * The positions of the table's data files deleted in the catalog at or before {@code snapshot}:
   * by data file id, each position with the snapshot that deleted it. Empty when there are none.
   */
  public static Map<Long, TreeMap<Long, Long>> fileDeletes(
      CatalogSession c, long tableId, long snapshot) {
    Map<Long, TreeMap<Long, Long>> out = new TreeMap<>();
    String table = deleteTableName(tableId);
    if (!tableExists(c, table)) {
      return out;
    }
    Sql.each(
        c,
        "SELECT file_id, row_id, begin_snapshot FROM "
            + c.dialect().quote(table)
            + " WHERE begin_snapshot <= ?",
        rs ->
            out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                .put(rs.getLong(2), rs.getLong(3)),
        snapshot);
    return out;
  }

  /** Removes the catalog-recorded deletes of one data file (a delete file now holds them). */
  public static void removeFileDeletes(CatalogSession c, long tableId, long dataFileId) {
    Sql.update(
        c,
        "DELETE FROM " + c.dialect().quote(deleteTableName(tableId)) + " WHERE file_id = ?",
        dataFileId);
  }

  /** Deletes the rows a flush moved to Parquet: those inserted at or before {@code snapshot}. */
  public static void deleteFlushed(CatalogSession c, String table, long snapshot) {
    Sql.update(
        c,
        "DELETE FROM "
            + c.dialect().quote(table)
            + " WHERE "
            + c.inlinedNames().beginSnapshot()
            + " <= ?",
        snapshot);
  }

  /** Removes exactly these catalog-recorded deletes of one data file (flushed to a delete file). */
  public static void removeFileDeletes(
      CatalogSession c, long tableId, long dataFileId, java.util.Collection<Long> positions) {
    List<Object[]> bound = new ArrayList<>();
    positions.forEach(p -> bound.add(new Object[] {dataFileId, p}));
    Sql.batch(
        c,
        "DELETE FROM "
            + c.dialect().quote(deleteTableName(tableId))
            + " WHERE file_id = ? AND row_id = ?",
        bound);
  }

  /**
   * Drops the table's inlined-data tables that a newer schema version superseded and that hold no
   * rows, as DuckDB does after a flush.
   */
  public static void dropEmptySuperseded(CatalogSession c, long tableId) {
    List<InlinedTableRecord> all = InlinedDataGateway.inlinedTables(c, tableId);
    for (int i = 0; i < all.size() - 1; i++) {
      String name = all.get(i).tableName();
      if (!name.matches("ducklake_inlined_data_\\d+_\\d+") || !tableExists(c, name)) {
        continue;
      }
      Long rows =
          Sql.one(c, "SELECT COUNT(*) FROM " + c.dialect().quote(name), rs -> rs.getLong(1));
      if (rows != null && rows == 0) {
        Sql.update(
            c,
            "DELETE FROM ducklake_inlined_data_tables WHERE table_id = ? AND schema_version = ?",
            tableId,
            all.get(i).schemaVersion());
        Sql.execute(c, "DROP TABLE IF EXISTS " + c.dialect().quote(name));
      }
    }
  }

  private static String deleteTableName(long tableId) {
    return "ducklake_inlined_delete_" + tableId;
  }

  static boolean tableExists(CatalogSession c, String table) {
    try {
      return c.dialect().tableExists(c.connection(), table);
    } catch (SQLException e) {
      throw new CatalogSqlFailure(e);
    }
  }
}
