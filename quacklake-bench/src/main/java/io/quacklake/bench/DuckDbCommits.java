package io.quacklake.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Workload 6a in DuckDB, which cannot commit to a DuckLake here (no ducklake extension), so its
 * nearest equivalents: a one-row {@code INSERT} with autocommit into a table in a DuckDB database
 * file (a durable single-row commit), and {@code COPY (SELECT ...) TO} a new Parquet file of the
 * same 10,000 rows (held in a table of that database).
 */
final class DuckDbCommits {
  private DuckDbCommits() {}

  /** Samples both; {@code rows} is a Parquet file of the 10,000 rows Quacklake committed. */
  static Latencies measure(Path dir, Path rows, int scale) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("commits.db"));
        Statement s = duck.createStatement()) {
      s.execute("CREATE TABLE src AS SELECT * FROM read_parquet('" + rows + "')");
      s.execute("CREATE TABLE events AS SELECT * FROM src LIMIT 0");
      Object[] row = rowOne(s);
      try (PreparedStatement insert =
          duck.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < row.length; i++) {
          insert.setObject(i + 1, row[i]);
        }
        Timing one =
            Timing.of(
                CommitLatency.ONE_ROW_WARMUPS,
                CommitLatency.ONE_ROW_SAMPLES * scale,
                () -> execute(insert));
        int[] file = new int[1];
        Timing copy =
            Timing.of(
                CommitLatency.LARGE_WARMUPS,
                CommitLatency.LARGE_SAMPLES * scale,
                () ->
                    execute(
                        s,
                        "COPY (SELECT * FROM src) TO '"
                            + dir.resolve("duck-commit-" + file[0]++ + ".parquet")
                            + "' (FORMAT parquet)"));
        return new Latencies(one, copy);
      }
    }
  }

  private static Object[] rowOne(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT * FROM src WHERE id = 1")) {
      rs.next();
      Object[] row = new Object[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < row.length; i++) {
        row[i] = rs.getObject(i + 1);
      }
      return row;
    }
  }

  private static void execute(PreparedStatement insert) {
    try {
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("one-row INSERT failed", e);
    }
  }

  private static void execute(Statement s, String sql) {
    try {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }
}
