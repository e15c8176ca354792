package io.quacklake.internal.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code ducklake_table_stats} and {@code ducklake_table_column_stats}. */
public final class TableStatsWrites {
  private TableStatsWrites() {}

  /** A table's running totals. */
  public record TableStats(long recordCount, long nextRowId, long fileSizeBytes) {}

  /** A column's widened statistics as stored (DuckDB text). */
  public record ColumnStatsRow(
      boolean containsNull,
      Boolean containsNan,
      String minValue,
      String maxValue,
      String extraStats) {}

  /** The table's stats row, or null before its first data. */
  public static TableStats read(CatalogSession c, long tableId) {
    return Sql.one(
        c,
        "SELECT record_count, next_row_id, file_size_bytes FROM ducklake_table_stats"
            + " WHERE table_id = ?",
        rs -> new TableStats(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
        tableId);
  }

  public static void write(CatalogSession c, long tableId, TableStats stats, boolean exists) {
    if (exists) {
      Sql.update(
          c,
          "UPDATE ducklake_table_stats SET record_count = ?, next_row_id = ?, file_size_bytes = ?"
              + " WHERE table_id = ?",
          stats.recordCount(),
          stats.nextRowId(),
          stats.fileSizeBytes(),
          tableId);
    } else {
      Sql.update(
          c,
          "INSERT INTO ducklake_table_stats VALUES (?, ?, ?, ?)",
          tableId,
          stats.recordCount(),
          stats.nextRowId(),
          stats.fileSizeBytes());
    }
  }

  public static Map<Long, ColumnStatsRow> readColumns(CatalogSession c, long tableId) {
    Map<Long, ColumnStatsRow> out = new HashMap<>();
    Sql.each(
        c,
        "SELECT column_id, contains_null, contains_nan, min_value, max_value, extra_stats"
            + " FROM ducklake_table_column_stats WHERE table_id = ?",
        rs ->
            out.put(
                rs.getLong(1),
                new ColumnStatsRow(
                    rs.getBoolean(2),
                    NullableColumns.getBoolean(rs, 3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6))),
        tableId);
    return out;
  }

  /**
   * Writes a table's running statistics for one column. Released 1.1 lakes also get {@code
   * min_is_exact} / {@code max_is_exact}: false where a bound exists, since deletes can leave a
   * running bound that no live row holds.
   */
  public static void writeColumn(
      CatalogSession c, long tableId, long columnId, ColumnStatsRow row, boolean exists) {
    boolean flagged = c.version().hasReleasedV11Columns();
    List<Object> args = new ArrayList<>();
    if (!exists) {
      args.add(tableId);
      args.add(columnId);
    }
    args.add(row.containsNull());
    args.add(row.containsNan());
    args.add(row.minValue());
    args.add(row.maxValue());
    args.add(row.extraStats());
    if (flagged) {
      args.add(row.minValue() == null ? null : false);
      args.add(row.maxValue() == null ? null : false);
    }
    if (exists) {
      args.add(tableId);
      args.add(columnId);
    }
    String sql =
        exists
            ? "UPDATE ducklake_table_column_stats SET contains_null = ?, contains_nan = ?,"
                + " min_value = ?, max_value = ?, extra_stats = ?"
                + (flagged ? ", min_is_exact = ?, max_is_exact = ?" : "")
                + " WHERE table_id = ? AND column_id = ?"
            : "INSERT INTO ducklake_table_column_stats VALUES (?, ?, ?, ?, ?, ?, ?"
                + (flagged ? ", ?, ?)" : ")");
    Sql.update(c, sql, args.toArray());
  }
}
