package io.quacklake.internal.catalog;

/**
 * Writes tags as DuckDB's {@code COMMENT ON} does: the live row of a key ends at the snapshot and a
 * new row begins there ({@code ducklake_tag} for tables and views, {@code ducklake_column_tag} for
 * columns); a NULL value ends the row only.
 */
public final class TagWrites {
  private TagWrites() {}

  public static void setTag(
      CatalogSession c, long objectId, String key, String value, long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_tag SET end_snapshot = ? WHERE object_id = ? AND \"key\" = ?"
            + " AND end_snapshot IS NULL",
        snapshot,
        objectId,
        key);
    if (value != null) {
      Sql.update(
          c, "INSERT INTO ducklake_tag VALUES (?, ?, NULL, ?, ?)", objectId, snapshot, key, value);
    }
  }

  public static void setColumnTag(
      CatalogSession c, long tableId, long columnId, String key, String value, long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_column_tag SET end_snapshot = ? WHERE table_id = ? AND column_id = ?"
            + " AND \"key\" = ? AND end_snapshot IS NULL",
        snapshot,
        tableId,
        columnId,
        key);
    if (value != null) {
      Sql.update(
          c,
          "INSERT INTO ducklake_column_tag VALUES (?, ?, ?, NULL, ?, ?)",
          tableId,
          columnId,
          snapshot,
          key,
          value);
    }
  }

  /** The live value of {@code key} on each object at the snapshot, by object id. */
  public static java.util.Map<Long, String> tags(CatalogSession c, String key, long snapshot) {
    java.util.Map<Long, String> out = new java.util.HashMap<>();
    Sql.each(
        c,
        "SELECT object_id, value FROM ducklake_tag WHERE \"key\" = ? AND begin_snapshot <= ?"
            + " AND (end_snapshot IS NULL OR end_snapshot > ?)",
        rs -> out.put(rs.getLong(1), rs.getString(2)),
        key,
        snapshot,
        snapshot);
    return out;
  }

  /** The live value of {@code key} on each column of a table at the snapshot, by column id. */
  public static java.util.Map<Long, String> columnTags(
      CatalogSession c, long tableId, String key, long snapshot) {
    java.util.Map<Long, String> out = new java.util.HashMap<>();
    Sql.each(
        c,
        "SELECT column_id, value FROM ducklake_column_tag WHERE table_id = ? AND \"key\" = ?"
            + " AND begin_snapshot <= ? AND (end_snapshot IS NULL OR end_snapshot > ?)",
        rs -> out.put(rs.getLong(1), rs.getString(2)),
        tableId,
        key,
        snapshot,
        snapshot);
    return out;
  }
}
