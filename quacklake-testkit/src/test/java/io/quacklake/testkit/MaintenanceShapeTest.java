package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden {@code maintenance} lake rebuilt to its last snapshot: four appends, two deletes
 * spread across every file (the second small enough per file to be inlined in the catalog), {@code
 * ducklake_merge_adjacent_files} (nothing to merge: every file has deletes), {@code
 * ducklake_rewrite_data_files} with threshold 0, one more append and {@code
 * ducklake_expire_snapshots} of snapshots 2 and 3.
 */
class MaintenanceShapeTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot()
          .resolve("quacklake-testkit/src/test/resources/golden/maintenance");
  private static final long LAST = 9;

  @TempDir static Path temp;
  private static Path catalog;

  @BeforeAll
  static void rebuild() {
    catalog = temp.resolve("maintenance.sqlite");
    try (Lake lake = Lake.create("sqlite:" + catalog, temp.resolve("data").toString())) {
      lake.createTable(
          "main.log",
          List.of(
              LakeColumn.of(0, "id", LakeType.of(TypeId.INT32)),
              LakeColumn.of(0, "msg", LakeType.of(TypeId.VARCHAR))));
      for (int from = 0; from < 400; from += 100) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i < from + 100; i++) {
          rows.add(Map.of("id", i, "msg", "m" + i));
        }
        run(lake, tx -> tx.insert("main.log", rows));
      }
      run(lake, tx -> tx.delete("main.log", "id IN (" + ids(i -> i % 7 == 0) + ")"));
      run(lake, tx -> tx.delete("main.log", "id IN (" + ids(i -> i % 11 == 0) + ")"));
      assertThat(lake.maintenance().mergeAdjacentFiles(null, null).snapshot()).isEmpty();
      lake.maintenance().rewriteDataFiles(null, 0.0);
      List<Map<String, Object>> late = new ArrayList<>();
      for (int i = 400; i < 450; i++) {
        late.add(Map.of("id", i, "msg", "late" + i));
      }
      run(lake, tx -> tx.insert("main.log", late));
      lake.maintenance().expireSnapshots(List.of(2L, 3L), false);
    }
  }

  private static String ids(IntPredicate p) {
    StringJoiner j = new StringJoiner(", ");
    for (int i = 0; i < 400; i++) {
      if (p.test(i)) {
        j.add(Integer.toString(i));
      }
    }
    return j.toString();
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

  private static void sameRows(String sql) throws Exception {
    new GoldenShape("jdbc:sqlite:" + catalog, GOLDEN).sameRows(sql);
  }

  @Test
  void snapshotsCountersAndChangeLogsMatchWhereNotExpired() throws Exception {
    sameRows(
        "SELECT s.snapshot_id, s.schema_version, s.next_catalog_id, s.next_file_id, c.changes_made"
            + " FROM ducklake_snapshot s JOIN ducklake_snapshot_changes c USING (snapshot_id)"
            + " ORDER BY 1");
  }

  /**
   * Delete file ids are left out: DuckDB numbers a statement's delete files in the iteration order
   * of a hash map keyed by file name, which carries no meaning.
   */
  @Test
  void filesDeleteFilesAndInlinedDeletesMatch() throws Exception {
    sameRows(
        "SELECT data_file_id, table_id, begin_snapshot, end_snapshot, record_count, row_id_start,"
            + " partial_max FROM ducklake_data_file ORDER BY 1");
    sameRows(
        "SELECT data_file_id, begin_snapshot, end_snapshot, delete_count FROM"
            + " ducklake_delete_file ORDER BY 1");
    sameRows("SELECT COUNT(*) FROM ducklake_files_scheduled_for_deletion");
    sameRows("SELECT file_id, row_id, begin_snapshot FROM ducklake_inlined_delete_1 ORDER BY 1, 2");
  }

  /** File sizes differ (another Parquet writer), so table sizes are left out. */
  @Test
  void tableStatisticsMatch() throws Exception {
    sameRows("SELECT table_id, record_count, next_row_id FROM ducklake_table_stats");
    sameRows(
        "SELECT table_id, column_id, "
            + GoldenShape.bool("contains_null")
            + ", "
            + GoldenShape.bool("contains_nan")
            + ", min_value, max_value FROM ducklake_table_column_stats ORDER BY 1, 2");
  }

  @Test
  void rowsAtEverySnapshotUpToTheLastDeleteMatchDuckDb() {
    try (Lake lake =
        Lake.open("sqlite:" + catalog, LakeOptions.dataPath(temp.resolve("data").toString()))) {
      new GoldenShape("jdbc:sqlite:" + catalog, GOLDEN).rowsAtSnapshotsUpTo(lake, LAST);
    }
  }
}
