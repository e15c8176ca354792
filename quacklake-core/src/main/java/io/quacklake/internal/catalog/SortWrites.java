package io.quacklake.internal.catalog;

import io.quacklake.SortField;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's sort order as DuckDB keeps it: one live {@code ducklake_sort_info} row per sorted table
 * and its keys in {@code ducklake_sort_expression} (dialect {@code duckdb}, {@code ASC}/{@code
 * DESC}, {@code NULLS_FIRST}/{@code NULLS_LAST}). A change ends the live row and begins a new one.
 */
public final class SortWrites {
  private SortWrites() {}

  /**
   * Ends the table's current sort order at {@code snapshot} and, unless {@code keys} is empty,
   * begins {@code keys} under {@code sortId}.
   */
  public static void set(
      CatalogSession c, long tableId, Long sortId, List<SortField> keys, long snapshot) {
    Sql.update(
        c,
        "UPDATE ducklake_sort_info SET end_snapshot = ? WHERE table_id = ? AND end_snapshot IS NULL",
        snapshot,
        tableId);
    if (keys.isEmpty()) {
      return;
    }
    Sql.update(
        c, "INSERT INTO ducklake_sort_info VALUES (?, ?, ?, NULL)", sortId, tableId, snapshot);
    for (int i = 0; i < keys.size(); i++) {
      SortField k = keys.get(i);
      Sql.update(
          c,
          "INSERT INTO ducklake_sort_expression VALUES (?, ?, ?, ?, 'duckdb', ?, ?)",
          sortId,
          tableId,
          (long) i,
          k.expression(),
          k.descending() ? "DESC" : "ASC",
          k.nullsFirst() ? "NULLS_FIRST" : "NULLS_LAST");
    }
  }

  /** The table's sort keys at the snapshot, in key order; empty when it is not sorted. */
  public static List<SortField> current(CatalogSession c, long tableId, long snapshot) {
    List<SortField> out = new ArrayList<>();
    Sql.each(
        c,
        "SELECT e.expression, e.sort_direction, e.null_order FROM ducklake_sort_info i"
            + " JOIN ducklake_sort_expression e ON e.sort_id = i.sort_id AND e.table_id = i.table_id"
            + " WHERE i.table_id = ? AND i.begin_snapshot <= ?"
            + " AND (i.end_snapshot IS NULL OR i.end_snapshot > ?) ORDER BY e.sort_key_index",
        rs ->
            out.add(
                new SortField(
                    rs.getString(1),
                    "DESC".equalsIgnoreCase(rs.getString(2)),
                    "NULLS_FIRST".equalsIgnoreCase(rs.getString(3)))),
        tableId,
        snapshot,
        snapshot);
    return out;
  }
}
