package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden {@code basic} lake rebuilt through the Java API, statement by statement as in {@code
 * basic.sql} (values computed here where the SQL used expressions; the modulo delete is written as
 * an IN list and the upper-casing update as a merge), must have DuckDB's catalog shape: the same
 * snapshots, schema versions, id counters and change logs, the same statistics text for the same
 * data, and the same rows at every snapshot.
 */
class CatalogShapeTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden/basic");

  @TempDir static Path temp;
  private static Path catalog;

  @BeforeAll
  static void rebuildBasicLake() {
    catalog = temp.resolve("basic.sqlite");
    try (Lake lake = Lake.create("sqlite:" + catalog, temp.resolve("data").toString())) {
      lake.createTable(
          "main.users",
          List.of(
              LakeColumn.of(0, "id", LakeType.of(TypeId.INT32)),
              LakeColumn.of(0, "name", LakeType.of(TypeId.VARCHAR)),
              LakeColumn.of(0, "score", LakeType.of(TypeId.FLOAT64))));
      insert(lake, "main.users", users(1, 101, true));
      insert(lake, "main.users", users(101, 201, false));
      try (Transaction tx = lake.begin()) {
        List<String> ids = new ArrayList<>();
        for (int i = 10; i <= 200; i += 10) {
          ids.add(Integer.toString(i));
        }
        tx.delete("main.users", "id IN (" + String.join(", ", ids) + ")");
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        List<Map<String, Object>> upper = new ArrayList<>();
        for (int i = 5; i <= 15; i++) {
          if (i % 10 != 0) {
            upper.add(
                Map.of("id", i, "name", ("user_" + i).toUpperCase(Locale.ROOT), "score", i * 1.5));
          }
        }
        try (var batch = RowsToArrow.batch(lake.table("main.users").columns(), upper)) {
          tx.merge("main.users", batch.root(), List.of("id"));
        }
        tx.commit();
      }
      lake.createTable(
          "main.events",
          List.of(
              LakeColumn.of(0, "event_id", LakeType.of(TypeId.INT64)),
              LakeColumn.of(0, "user_id", LakeType.of(TypeId.INT32)),
              LakeColumn.of(0, "kind", LakeType.of(TypeId.VARCHAR)),
              LakeColumn.of(0, "at", LakeType.of(TypeId.TIMESTAMP))));
      List<Map<String, Object>> events = new ArrayList<>();
      for (long i = 0; i < 5000; i++) {
        Map<String, Object> e = new HashMap<>();
        e.put("event_id", i);
        e.put("user_id", (int) (i % 200) + 1);
        e.put("kind", i % 3 == 0 ? "click" : i % 3 == 1 ? "view" : null);
        e.put("at", LocalDateTime.of(2025, 1, 1, 0, 0).plusMinutes(i));
        events.add(e);
      }
      insert(lake, "main.events", events);
    }
  }

  private static List<Map<String, Object>> users(int from, int to, boolean scores) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Map<String, Object> u = new HashMap<>();
      u.put("id", i);
      u.put("name", "user_" + i);
      u.put("score", scores ? i * 1.5 : null);
      out.add(u);
    }
    return out;
  }

  private static void insert(Lake lake, String table, List<Map<String, Object>> rows) {
    try (Transaction tx = lake.begin()) {
      tx.insert(table, rows);
      tx.commit();
    }
  }

  private static void sameRows(String sql) throws Exception {
    new GoldenShape("jdbc:sqlite:" + catalog, GOLDEN).sameRows(sql);
  }

  @Test
  void snapshotsCountersAndChangeLogsMatch() throws Exception {
    sameRows(
        "SELECT s.snapshot_id, s.schema_version, s.next_catalog_id, s.next_file_id, c.changes_made"
            + " FROM ducklake_snapshot s JOIN ducklake_snapshot_changes c USING (snapshot_id)"
            + " ORDER BY 1");
  }

  @Test
  void catalogObjectsMatch() throws Exception {
    sameRows("SELECT schema_id, schema_name, path, begin_snapshot FROM ducklake_schema ORDER BY 1");
    sameRows(
        "SELECT table_id, schema_id, table_name, path, begin_snapshot, end_snapshot"
            + " FROM ducklake_table ORDER BY 1");
    sameRows(
        "SELECT table_id, column_id, column_order, column_name, column_type, initial_default,"
            + " default_value, parent_column, default_value_type, default_value_dialect,"
            + " begin_snapshot FROM ducklake_column ORDER BY 1, 2");
    sameRows(
        "SELECT table_id, table_name, schema_version FROM ducklake_inlined_data_tables ORDER BY 1");
    sameRows(
        "SELECT begin_snapshot, schema_version, table_id FROM ducklake_schema_versions ORDER BY 1");
  }

  @Test
  void statisticsTextMatches() throws Exception {
    sameRows(
        "SELECT data_file_id, table_id, column_id, value_count, null_count, min_value, max_value,"
            + " "
            + GoldenShape.bool("contains_nan")
            + " FROM ducklake_file_column_stats ORDER BY 1, 3");
    sameRows("SELECT table_id, record_count, next_row_id FROM ducklake_table_stats ORDER BY 1");
    sameRows(
        "SELECT table_id, column_id, "
            + GoldenShape.bool("contains_null")
            + ", "
            + GoldenShape.bool("contains_nan")
            + ", min_value, max_value"
            + " FROM ducklake_table_column_stats ORDER BY 1, 2");
  }

  @Test
  void filesAndDeletesMatch() throws Exception {
    sameRows(
        "SELECT data_file_id, table_id, begin_snapshot, end_snapshot, record_count, row_id_start"
            + " FROM ducklake_data_file ORDER BY 1");
    sameRows("SELECT file_id, row_id, begin_snapshot FROM ducklake_inlined_delete_1 ORDER BY 1, 2");
    sameRows(
        "SELECT row_id, begin_snapshot, end_snapshot, id, name, score FROM ducklake_inlined_data_1_1"
            + " ORDER BY 1, 2");
  }

  @Test
  void dataAndDeleteFilesAreReadByDuckDbWithCatalogFacts() throws Exception {
    Path data = temp.resolve("data");
    List<String> files =
        GoldenShape.query(
            "jdbc:sqlite:" + catalog,
            "SELECT 'main/' || t.path || f.path, f.record_count, f.file_size_bytes, f.footer_size"
                + " FROM ducklake_data_file f JOIN ducklake_table t USING (table_id)");
    assertThat(files).isNotEmpty();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement()) {
      for (String row : files) {
        String[] f = row.split("\\|");
        Path file = data.resolve(f[0]);
        assertThat(java.nio.file.Files.size(file)).isEqualTo(Long.parseLong(f[2]));
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*), (SELECT footer_signing_key_metadata IS NULL FROM"
                    + " parquet_file_metadata('"
                    + file
                    + "')) FROM read_parquet('"
                    + file
                    + "')")) {
          rs.next();
          assertThat(rs.getLong(1)).as(f[0]).isEqualTo(Long.parseLong(f[1]));
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM parquet_schema('"
                    + file
                    + "')"
                    + " WHERE name <> 'duckdb_schema' AND field_id IS NULL")) {
          rs.next();
          assertThat(rs.getLong(1)).as("columns without field ids in " + f[0]).isZero();
        }
      }
    }
  }

  @Test
  void rowsAtEverySnapshotMatchDuckDb() {
    try (Lake lake =
        Lake.open("sqlite:" + catalog, LakeOptions.dataPath(temp.resolve("data").toString()))) {
      new GoldenShape("jdbc:sqlite:" + catalog, GOLDEN).rowsAtEverySnapshot(lake);
    }
  }
}
