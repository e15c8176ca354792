package io.quacklake.testkit;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden {@code evolution} lake (add column with default, drop, rename column, widen type,
 * rename table) rebuilt through the API statement by statement must have DuckDB's catalog shape and
 * rows at every snapshot.
 */
class EvolutionShapeTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden/evolution");

  @TempDir static Path temp;
  private static Path catalog;

  @BeforeAll
  static void rebuild() {
    catalog = temp.resolve("evolution.sqlite");
    try (Lake lake = Lake.create("sqlite:" + catalog, temp.resolve("data").toString())) {
      lake.createTable(
          "main.metrics",
          List.of(
              LakeColumn.of(0, "id", LakeType.of(TypeId.INT32)),
              LakeColumn.of(0, "value", LakeType.of(TypeId.INT16)),
              LakeColumn.of(0, "label", LakeType.of(TypeId.VARCHAR)),
              LakeColumn.of(0, "obsolete", LakeType.of(TypeId.VARCHAR))));
      insert(
          lake,
          "main.metrics",
          0,
          300,
          i -> row("id", (int) i, "value", (short) (i % 100), "label", "l" + i, "obsolete", "x"));
      alter(
          lake,
          tx ->
              tx.addColumn(
                  "main.metrics",
                  new LakeColumn(
                      0, "weight", LakeType.of(TypeId.FLOAT64), true, "1.0", "1.0", List.of())));
      insert(
          lake,
          "main.metrics",
          300,
          400,
          i ->
              row(
                  "id",
                  (int) i,
                  "value",
                  (short) (i % 100),
                  "label",
                  "l" + i,
                  "obsolete",
                  "y",
                  "weight",
                  i / 10.0));
      alter(lake, tx -> tx.dropColumn("main.metrics", "obsolete"));
      alter(lake, tx -> tx.renameColumn("main.metrics", "label", "tag"));
      alter(lake, tx -> tx.setColumnType("main.metrics", "value", LakeType.of(TypeId.INT32)));
      insert(
          lake,
          "main.metrics",
          400,
          450,
          i -> row("id", (int) i, "value", (int) (i * 100000), "tag", "t" + i, "weight", 2.0));
      alter(
          lake,
          tx ->
              tx.addColumn("main.metrics", LakeColumn.of(0, "created", LakeType.of(TypeId.DATE))));
      alter(lake, tx -> tx.renameTable("main.metrics", "measurements"));
      insert(
          lake,
          "main.measurements",
          450,
          460,
          i ->
              row(
                  "id",
                  (int) i,
                  "value",
                  (int) i,
                  "tag",
                  "t" + i,
                  "weight",
                  3.0,
                  "created",
                  LocalDate.of(2024, 1, 1)));
      try (Transaction tx = lake.begin()) {
        tx.delete("main.measurements", "id < 10");
        tx.commit();
      }
    }
  }

  private interface Step {
    void run(Transaction tx);
  }

  private static void alter(Lake lake, Step step) {
    try (Transaction tx = lake.begin()) {
      step.run(tx);
      tx.commit();
    }
  }

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static void insert(
      Lake lake, String table, long from, long to, LongFunction<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long i = from; i < to; i++) {
      out.add(rows.apply(i));
    }
    try (Transaction tx = lake.begin()) {
      tx.insert(table, out);
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
  void columnHistoryMatches() throws Exception {
    sameRows(
        "SELECT column_id, begin_snapshot, end_snapshot, column_order, column_name, column_type,"
            + " initial_default, default_value FROM ducklake_column ORDER BY 1, 2");
    sameRows(
        "SELECT table_id, table_name, schema_version FROM ducklake_inlined_data_tables ORDER BY 3");
    sameRows(
        "SELECT begin_snapshot, schema_version, table_id FROM ducklake_schema_versions ORDER BY 1");
    sameRows(
        "SELECT table_id, begin_snapshot, end_snapshot, table_name, path FROM ducklake_table ORDER BY 2");
  }

  @Test
  void rowsAtEverySnapshotMatchDuckDb() {
    try (Lake lake =
        Lake.open("sqlite:" + catalog, LakeOptions.dataPath(temp.resolve("data").toString()))) {
      new GoldenShape("jdbc:sqlite:" + catalog, GOLDEN).rowsAtEverySnapshot(lake);
    }
  }
}
