package io.quacklake.testkit;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.PartitionField;
import io.quacklake.Transaction;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
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
class PartitionedShapeTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot()
          .resolve("quacklake-testkit/src/test/resources/golden/partitioned");

  @TempDir static Path temp;
  private static Path catalog;

  @BeforeAll
  static void rebuild() {
    catalog = temp.resolve("partitioned.sqlite");
    try (Lake lake = Lake.create("sqlite:" + catalog, temp.resolve("data").toString())) {
      lake.createTable(
          "main.sales",
          List.of(
              LakeColumn.of(0, "id", LakeType.of(TypeId.INT64)),
              LakeColumn.of(0, "region", LakeType.of(TypeId.VARCHAR)),
              LakeColumn.of(0, "sold_at", LakeType.of(TypeId.TIMESTAMP)),
              LakeColumn.of(0, "amount", LakeType.decimal(12, 2))));
      alter(
          lake,
          tx ->
              tx.setPartitioning(
                  "main.sales",
                  List.of(
                      new PartitionField("region", "identity"),
                      new PartitionField("sold_at", "year"),
                      new PartitionField("sold_at", "month"))));
      String[] first = {"EU", "US", "APAC"};
      insert(
          lake,
          "main.sales",
          0,
          3000,
          i ->
              row(
                  "id",
                  i,
                  "region",
                  first[(int) (i % 3)],
                  "sold_at",
                  LocalDateTime.of(2023, 11, 1, 0, 0).plusHours(i * 7),
                  "amount",
                  BigDecimal.valueOf(i % 1000).divide(BigDecimal.valueOf(4)).setScale(2)));
      try (Transaction tx = lake.begin()) {
        tx.delete("main.sales", "region = 'US' AND amount > 200");
        tx.commit();
      }
      alter(
          lake,
          tx ->
              tx.setPartitioning("main.sales", List.of(new PartitionField("region", "identity"))));
      String[] second = {"EU", "US", "LATAM"};
      insert(
          lake,
          "main.sales",
          3000,
          3300,
          i ->
              row(
                  "id",
                  i,
                  "region",
                  second[(int) (i % 3)],
                  "sold_at",
                  LocalDateTime.of(2024, 6, 1, 0, 0).plusHours(i),
                  "amount",
                  new BigDecimal("1.25")));
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
  void partitionsAndFilesMatch() throws Exception {
    sameRows(
        "SELECT partition_id, table_id, begin_snapshot, end_snapshot FROM ducklake_partition_info ORDER BY 1");
    sameRows(
        "SELECT partition_id, table_id, partition_key_index, column_id, transform"
            + " FROM ducklake_partition_column ORDER BY 1, 3");
    sameRows(
        "SELECT data_file_id, partition_key_index, partition_value FROM ducklake_file_partition_value"
            + " ORDER BY 1, 2");
    sameRows(
        "SELECT data_file_id, begin_snapshot, end_snapshot, partition_id, record_count,"
            + " substr(path, 1, length(path) - 44) FROM ducklake_data_file ORDER BY 1");
    sameRows(
        "SELECT table_id, table_name, schema_version FROM ducklake_inlined_data_tables ORDER BY 3");
    sameRows(
        "SELECT begin_snapshot, schema_version, table_id FROM ducklake_schema_versions ORDER BY 1");
  }

  @Test
  void rowsAtEverySnapshotMatchDuckDb() {
    try (Lake lake =
        Lake.open("sqlite:" + catalog, LakeOptions.dataPath(temp.resolve("data").toString()))) {
      new GoldenShape("jdbc:sqlite:" + catalog, GOLDEN).rowsAtEverySnapshot(lake);
    }
  }
}
