package io.quacklake.bench;

import io.quacklake.Lake;
import io.quacklake.types.ColumnDefinitions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A catalog the size planning must cope with: one table whose files come from many snapshots
 * (default 10,000 snapshots × 10 files = 100,000 files), each file with statistics for its three
 * columns and ids clustered by file. Rows are written straight into the catalog tables (planning
 * reads only the catalog, so no Parquet files exist).
 */
final class PlanningLake {
  static final String TABLE = "main.events";
  static final int ROWS_PER_FILE = 1000;

  private PlanningLake() {}

  /** Creates the lake at {@code catalog} with {@code snapshots × filesPerSnapshot} files. */
  static void build(String catalog, String jdbcUrl, String dataPath, int snapshots, int perSnapshot)
      throws SQLException {
    try (Lake lake = Lake.create(catalog, dataPath)) {
      lake.createTable(TABLE, ColumnDefinitions.parse("id BIGINT, ts TIMESTAMP, category VARCHAR"));
    }
    Properties p = new Properties();
    p.setProperty("reWriteBatchedInserts", "true");
    try (Connection c = DriverManager.getConnection(jdbcUrl, p)) {
      c.setAutoCommit(false);
      long tableId = tableId(c);
      try (PreparedStatement snap =
              c.prepareStatement(
                  "INSERT INTO ducklake_snapshot (snapshot_id, snapshot_time, schema_version,"
                      + " next_catalog_id, next_file_id) SELECT ?, snapshot_time, schema_version,"
                      + " next_catalog_id, ? FROM ducklake_snapshot WHERE snapshot_id = 1");
          PreparedStatement changes =
              c.prepareStatement(
                  "INSERT INTO ducklake_snapshot_changes (snapshot_id, changes_made) VALUES (?, ?)");
          PreparedStatement file =
              c.prepareStatement(
                  "INSERT INTO ducklake_data_file (data_file_id, table_id, begin_snapshot,"
                      + " file_order, path, path_is_relative, file_format, record_count,"
                      + " file_size_bytes, footer_size, row_id_start) VALUES"
                      + " (?, ?, ?, NULL, ?, true, 'parquet', ?, ?, 500, ?)");
          PreparedStatement stats =
              c.prepareStatement(
                  "INSERT INTO ducklake_file_column_stats (data_file_id, table_id, column_id,"
                      + " column_size_bytes, value_count, null_count, min_value, max_value,"
                      + " contains_nan) VALUES (?, ?, ?, 1000, ?, 0, ?, ?, false)")) {
        long fileId = 0;
        for (long s = 2; s < 2 + snapshots; s++) {
          snap.setLong(1, s);
          snap.setLong(2, fileId + perSnapshot);
          snap.addBatch();
          changes.setLong(1, s);
          changes.setString(2, "inserted_into_table:" + tableId);
          changes.addBatch();
          for (int f = 0; f < perSnapshot; f++, fileId++) {
            long firstId = fileId * ROWS_PER_FILE;
            file.setLong(1, fileId);
            file.setLong(2, tableId);
            file.setLong(3, s);
            file.setString(4, "ducklake-" + fileId + ".parquet");
            file.setLong(5, ROWS_PER_FILE);
            file.setLong(6, 20_000);
            file.setLong(7, firstId);
            file.addBatch();
            String day = String.format("2024-01-01 %02d:00:00", fileId % 24);
            String[][] minMax = {
              {Long.toString(firstId), Long.toString(firstId + ROWS_PER_FILE - 1)},
              {day, day},
              {"a", "z"}
            };
            for (int col = 0; col < 3; col++) {
              stats.setLong(1, fileId);
              stats.setLong(2, tableId);
              stats.setLong(3, col + 1);
              stats.setLong(4, ROWS_PER_FILE);
              stats.setString(5, minMax[col][0]);
              stats.setString(6, minMax[col][1]);
              stats.addBatch();
            }
          }
          if (s % 500 == 0) {
            flush(snap, changes, file, stats);
          }
        }
        flush(snap, changes, file, stats);
        long rows = fileId * ROWS_PER_FILE;
        try (Statement st = c.createStatement()) {
          st.executeUpdate(
              "UPDATE ducklake_table_stats SET record_count = "
                  + rows
                  + ", next_row_id = "
                  + rows
                  + " WHERE table_id = "
                  + tableId);
        }
      }
      c.commit();
    }
  }

  private static void flush(PreparedStatement... statements) throws SQLException {
    for (PreparedStatement s : statements) {
      s.executeBatch();
    }
  }

  private static long tableId(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        var rs =
            s.executeQuery("SELECT table_id FROM ducklake_table WHERE table_name = 'events'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
