package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden {@code inlined} lake (small inserts inlined in the catalog, deletes and an update of
 * inlined rows, a bulk insert to Parquet, a second table) rebuilt through the API must have
 * DuckDB's catalog shape and rows, through {@code ducklake_flush_inlined_data} of the second table
 * (snapshot 11) and one more inlined insert.
 */
class InlinedShapeTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden/inlined");
  private static final long LAST = 12;

  @TempDir static Path temp;
  private static Path catalog;

  @BeforeAll
  static void rebuild() {
    catalog = temp.resolve("inlined.sqlite");
    try (Lake lake = Lake.create("sqlite:" + catalog, temp.resolve("data").toString())) {
      lake.createTable(
          "main.small",
          List.of(
              LakeColumn.of(0, "id", LakeType.of(TypeId.INT32)),
              LakeColumn.of(0, "note", LakeType.of(TypeId.VARCHAR)),
              LakeColumn.of(0, "ts", LakeType.of(TypeId.TIMESTAMP))));
      insert(
          lake,
          "main.small",
          row(1, "a", LocalDateTime.of(2025, 1, 1, 10, 0)),
          row(2, "b", null),
          row(3, null, LocalDateTime.of(2025, 1, 3, 10, 0)));
      insert(lake, "main.small", row(4, "d", LocalDateTime.of(2025, 1, 4, 10, 0)));
      run(lake, tx -> tx.delete("main.small", "id = 2"));
      run(lake, tx -> tx.update("main.small", Map.of("note", "updated"), "id = 3"));
      List<Map<String, Object>> bulk = new ArrayList<>();
      for (int i = 100; i < 150; i++) {
        bulk.add(row(i, "bulk " + i, LocalDateTime.of(2025, 2, 1, 0, 0).plusSeconds(i)));
      }
      insert(lake, "main.small", bulk);
      lake.createTable(
          "main.flushed",
          List.of(
              LakeColumn.of(0, "k", LakeType.of(TypeId.INT32)),
              LakeColumn.of(0, "v", LakeType.of(TypeId.VARCHAR))));
      insert(lake, "main.flushed", kv(1, "one"), kv(2, "two"));
      insert(lake, "main.flushed", kv(3, "three"));
      run(lake, tx -> tx.delete("main.flushed", "k = 1"));
      lake.maintenance().flushInlinedData("main.flushed");
      insert(lake, "main.flushed", kv(4, "four"));
      assertThat(lake.currentSnapshot().id()).isEqualTo(LAST);
    }
  }

  private interface Step {
    void run(Transaction tx);
  }

  private static void run(Lake lake, Step step) {
    try (Transaction tx = lake.begin()) {
      step.run(tx);
      tx.commit();
    }
  }

  @SafeVarargs
  private static void insert(Lake lake, String table, Map<String, Object>... rows) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      list.add(row);
    }
    insert(lake, table, list);
  }

  private static void insert(Lake lake, String table, List<Map<String, Object>> rows) {
    run(lake, tx -> tx.insert(table, rows));
  }

  private static Map<String, Object> row(int id, String note, LocalDateTime ts) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", id);
    m.put("note", note);
    m.put("ts", ts);
    return m;
  }

  private static Map<String, Object> kv(int k, String v) {
    return Map.of("k", k, "v", v);
  }

  private static void sameRows(String sql) throws Exception {
    new GoldenShape("jdbc:sqlite:" + catalog, GOLDEN).sameRows(sql);
  }

  @Test
  void snapshotsCountersAndChangeLogsMatchUpToTheFlush() throws Exception {
    sameRows(
        "SELECT s.snapshot_id, s.schema_version, s.next_catalog_id, s.next_file_id, c.changes_made"
            + " FROM ducklake_snapshot s JOIN ducklake_snapshot_changes c USING (snapshot_id)"
            + " WHERE s.snapshot_id <= "
            + LAST
            + " ORDER BY 1");
  }

  @Test
  void inlinedRowsKeepIdsAndSnapshotRanges() throws Exception {
    sameRows(
        "SELECT table_id, table_name, schema_version FROM ducklake_inlined_data_tables ORDER BY 1");
    sameRows(
        "SELECT row_id, begin_snapshot, end_snapshot, id, note, CAST(ts AS VARCHAR)"
            + " FROM ducklake_inlined_data_1_1"
            + " ORDER BY 1, 2");
  }

  @Test
  void bulkInsertFileAndStatsMatch() throws Exception {
    sameRows(
        "SELECT data_file_id, table_id, begin_snapshot, record_count, row_id_start"
            + " FROM ducklake_data_file WHERE table_id = 1 ORDER BY 1");
    sameRows(
        "SELECT data_file_id, column_id, value_count, null_count, min_value, max_value"
            + " FROM ducklake_file_column_stats WHERE data_file_id = 3 ORDER BY 2");
    sameRows(
        "SELECT table_id, column_id, "
            + GoldenShape.bool("contains_null")
            + ", min_value, max_value FROM ducklake_table_column_stats WHERE table_id = 1"
            + " ORDER BY 2");
  }

  /** File sizes differ (another Parquet writer), so sizes are left out. */
  @Test
  void flushedFileDeleteFileAndStatsMatch() throws Exception {
    sameRows(
        "SELECT data_file_id, table_id, begin_snapshot, end_snapshot, record_count, row_id_start,"
            + " partial_max FROM ducklake_data_file WHERE table_id = 2 ORDER BY 1");
    sameRows(
        "SELECT delete_file_id, data_file_id, begin_snapshot, end_snapshot, delete_count,"
            + " partial_max FROM ducklake_delete_file ORDER BY 1");
    sameRows(
        "SELECT data_file_id, column_id, value_count, null_count, min_value, max_value"
            + " FROM ducklake_file_column_stats WHERE table_id = 2 ORDER BY 1, 2");
    sameRows("SELECT table_id, record_count, next_row_id FROM ducklake_table_stats ORDER BY 1");
    sameRows(
        "SELECT row_id, begin_snapshot, end_snapshot, k, v FROM ducklake_inlined_data_2_2"
            + " ORDER BY 1, 2");
  }

  @Test
  void rowsAtEverySnapshotUpToTheFlushMatchDuckDb() {
    try (Lake lake =
        Lake.open("sqlite:" + catalog, LakeOptions.dataPath(temp.resolve("data").toString()))) {
      new GoldenShape("jdbc:sqlite:" + catalog, GOLDEN).rowsAtSnapshotsUpTo(lake, LAST);
    }
  }
}
