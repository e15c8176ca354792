package io.quacklake.internal.catalog;

import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.UUID;

/** Writes schemas, tables, columns and schema versions, and ends them when they are dropped. */
public final class ObjectWrites {
  private ObjectWrites() {}

  public static void insertSchema(
      CatalogSession c,
      long schemaId,
      UUID uuid,
      long snapshot,
      String name,
      String path,
      boolean pathIsRelative) {
    Sql.update(
        c,
        "INSERT INTO ducklake_schema VALUES (?, ?, ?, NULL, ?, ?, ?"
            + (c.version().hasReleasedV11Columns() ? ", NULL" : "")
            + ")",
        schemaId,
        uuid,
        snapshot,
        name,
        path,
        pathIsRelative);
  }

  public static void endSchema(CatalogSession c, long schemaId, long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_schema SET end_snapshot = ? WHERE schema_id = ? AND end_snapshot IS NULL",
        snapshot,
        schemaId);
  }

  public static void insertTable(
      CatalogSession c,
      long tableId,
      UUID uuid,
      long snapshot,
      long schemaId,
      String name,
      String path,
      boolean pathIsRelative) {
    Sql.update(
        c,
        "INSERT INTO ducklake_table VALUES (?, ?, ?, NULL, ?, ?, ?, ?)",
        tableId,
        uuid,
        snapshot,
        schemaId,
        name,
        path,
        pathIsRelative);
  }

  /** Inserts a view row as DuckDB does (dialect {@code duckdb}). */
  public static void insertView(
      CatalogSession c,
      long viewId,
      UUID uuid,
      long snapshot,
      long schemaId,
      String name,
      String sql,
      String columnAliases) {
    Sql.update(
        c,
        "INSERT INTO ducklake_view VALUES (?, ?, ?, NULL, ?, ?, 'duckdb', ?, ?)",
        viewId,
        uuid,
        snapshot,
        schemaId,
        name,
        sql,
        columnAliases);
  }

  public static void endView(CatalogSession c, long viewId, long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_view SET end_snapshot = ? WHERE view_id = ? AND end_snapshot IS NULL",
        snapshot,
        viewId);
  }

  /** Ends the current row of a table (a rename then inserts the new row with the same id). */
  public static void endTableRow(CatalogSession c, long tableId, long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_table SET end_snapshot = ? WHERE table_id = ? AND end_snapshot IS NULL",
        snapshot,
        tableId);
  }

  /**
   * Drops a table as DuckDB does: ends its rows in the table, partition, column, tag, data and
   * delete file tables. Table stats and inlined tables stay until snapshots expire.
   */
  public static void dropTable(CatalogSession c, long tableId, long snapshot) {
    String[] byTableId = {
      "ducklake_table",
      "ducklake_partition_info",
      "ducklake_column",
      "ducklake_column_tag",
      "ducklake_data_file",
      "ducklake_delete_file",
      "ducklake_sort_info"
    };
    for (String table : byTableId) {
      Sql.update(
          c,
          "UPDATE " + table + " SET end_snapshot = ? WHERE table_id = ? AND end_snapshot IS NULL",
          snapshot,
          tableId);
    }
    Sql.update(
        c,
        "UPDATE ducklake_tag SET end_snapshot = ? WHERE object_id = ? AND end_snapshot IS NULL",
        snapshot,
        tableId);
  }

  /** Inserts a column and its nested children (parents before children). */
  public static void insertColumn(
      CatalogSession c, long tableId, long snapshot, LakeColumn column, Long parent) {
    insertColumnRow(c, tableId, snapshot, column, parent);
    for (LakeColumn child : column.children()) {
      insertColumn(c, tableId, snapshot, child, column.id());
    }
  }

  /** Inserts the row of one column only (a renamed or retyped column keeps its children's rows). */
  public static void insertColumnRow(
      CatalogSession c, long tableId, long snapshot, LakeColumn column, Long parent) {
    boolean nested = column.type().id().isNested();
    Sql.update(
        c,
        "INSERT INTO ducklake_column VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'duckdb')",
        column.id(),
        snapshot,
        tableId,
        column.id(),
        column.name(),
        column.type().ducklakeName(),
        column.initialDefault(),
        column.defaultValue() == null ? "NULL" : column.defaultValue(),
        column.nullable(),
        parent,
        nested ? "" : "literal");
  }

  /** Ends the current row of one column only. */
  public static void endColumnRow(CatalogSession c, long tableId, long columnId, long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_column SET end_snapshot = ? WHERE table_id = ? AND column_id = ?"
            + " AND end_snapshot IS NULL",
        snapshot,
        tableId,
        columnId);
  }

  /** Ends the comments (tags) of a dropped column. */
  public static void endColumnTags(CatalogSession c, long tableId, long columnId, long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_column_tag SET end_snapshot = ? WHERE table_id = ? AND column_id = ?"
            + " AND end_snapshot IS NULL",
        snapshot,
        tableId,
        columnId);
  }

  /**
   * Ends the table's current partition spec and, when {@code partitionId} is not null, starts a new
   * one with keys (column id, transform) in key order.
   */
  public static void setPartitioning(
      CatalogSession c,
      long tableId,
      Long partitionId,
      List<long[]> columnIds,
      List<String> transforms,
      long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_partition_info SET end_snapshot = ? WHERE table_id = ?"
            + " AND end_snapshot IS NULL",
        snapshot,
        tableId);
    if (partitionId == null) {
      return;
    }
    Sql.update(
        c,
        "INSERT INTO ducklake_partition_info VALUES (?, ?, ?, NULL)",
        partitionId,
        tableId,
        snapshot);
    for (int i = 0; i < columnIds.size(); i++) {
      Sql.update(
          c,
          "INSERT INTO ducklake_partition_column VALUES (?, ?, ?, ?, ?)",
          partitionId,
          tableId,
          i,
          columnIds.get(i)[0],
          transforms.get(i));
    }
  }

  /** The id of the table's current partition spec, or null when unpartitioned. */
  public static Long currentPartitionId(CatalogSession c, long tableId) {
    return Sql.one(
        c,
        "SELECT partition_id FROM ducklake_partition_info WHERE table_id = ?"
            + " AND end_snapshot IS NULL",
        rs -> rs.getLong(1),
        tableId);
  }

  /** The largest column id the table ever used (dropped columns included), 0 when none. */
  public static long maxColumnId(CatalogSession c, long tableId) {
    Long max =
        Sql.one(
            c,
            "SELECT MAX(column_id) FROM ducklake_column WHERE table_id = ?",
            rs -> rs.getLong(1),
            tableId);
    return max == null ? 0 : max;
  }

  /** Ends a column's current rows (itself and its children), for drops and alterations. */
  public static void endColumn(CatalogSession c, long tableId, LakeColumn column, long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_column SET end_snapshot = ? WHERE table_id = ? AND column_id = ?"
            + " AND end_snapshot IS NULL",
        snapshot,
        tableId,
        column.id());
    for (LakeColumn child : column.children()) {
      endColumn(c, tableId, child, snapshot);
    }
  }

  public static void insertSchemaVersion(
      CatalogSession c, long snapshot, long schemaVersion, long tableId) {
    Sql.update(
        c,
        "INSERT INTO ducklake_schema_versions VALUES (?, ?, ?)",
        snapshot,
        schemaVersion,
        tableId);
  }
}
