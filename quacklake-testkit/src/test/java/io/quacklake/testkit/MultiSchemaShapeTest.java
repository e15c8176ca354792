package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.ViewInfo;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden {@code multi_schema} lake (schemas, a view, a table dropped and recreated inside a
 * multi-statement transaction, {@code DROP SCHEMA ... CASCADE}) rebuilt through the API must have
 * DuckDB's catalog shape and rows. The view's query is passed as DuckDB stored it.
 */
class MultiSchemaShapeTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot()
          .resolve("quacklake-testkit/src/test/resources/golden/multi_schema");
  private static final String VIEW_SQL =
      "SELECT * FROM {DUCKLAKE_CATALOG}.sales.orders WHERE (total > 1000)";

  @TempDir static Path temp;
  private static Path catalog;

  @BeforeAll
  static void rebuild() {
    catalog = temp.resolve("multi.sqlite");
    try (Lake lake = Lake.create("sqlite:" + catalog, temp.resolve("data").toString())) {
      lake.createSchema("sales");
      lake.createSchema("staging");
      lake.createTable(
          "sales.orders",
          List.of(
              LakeColumn.of(0, "order_id", LakeType.of(TypeId.INT32)),
              LakeColumn.of(0, "customer", LakeType.of(TypeId.VARCHAR)),
              LakeColumn.of(0, "total", LakeType.decimal(10, 2))));
      List<Map<String, Object>> orders = new ArrayList<>();
      for (int i = 1; i <= 500; i++) {
        orders.add(
            Map.of(
                "order_id",
                i,
                "customer",
                "c" + (i % 17),
                "total",
                new BigDecimal(i).multiply(new BigDecimal("3.5")).setScale(2)));
      }
      run(lake, tx -> tx.insert("sales.orders", orders));
      lake.createTable("staging.tmp", List.of(LakeColumn.of(0, "x", LakeType.of(TypeId.INT32))));
      run(
          lake,
          tx -> tx.insert("staging.tmp", List.of(Map.of("x", 1), Map.of("x", 2), Map.of("x", 3))));
      run(lake, tx -> tx.createView("sales.big_orders", VIEW_SQL));
      run(
          lake,
          tx -> {
            tx.insert(
                "sales.orders",
                List.of(
                    Map.of(
                        "order_id", 1000, "customer", "vip", "total", new BigDecimal("99999.99"))));
            tx.dropTable("staging.tmp");
            tx.createTable(
                "staging.tmp",
                List.of(
                    LakeColumn.of(0, "x", LakeType.of(TypeId.VARCHAR)),
                    LakeColumn.of(0, "y", LakeType.of(TypeId.INT32))));
            tx.insert("staging.tmp", List.of(Map.of("x", "recreated", "y", 1)));
          });
      run(lake, tx -> tx.dropSchema("staging", true));
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
  void schemasTablesViewsAndColumnsMatch() throws Exception {
    sameRows(
        "SELECT schema_id, schema_name, path, begin_snapshot, end_snapshot FROM ducklake_schema"
            + " ORDER BY 1");
    sameRows(
        "SELECT table_id, schema_id, table_name, path, begin_snapshot, end_snapshot"
            + " FROM ducklake_table ORDER BY 1");
    sameRows(
        "SELECT view_id, schema_id, view_name, dialect, \"sql\", column_aliases, begin_snapshot,"
            + " end_snapshot FROM ducklake_view ORDER BY 1");
    sameRows(
        "SELECT table_id, column_id, column_order, column_name, column_type, begin_snapshot,"
            + " end_snapshot FROM ducklake_column ORDER BY 1, 2");
    sameRows(
        "SELECT table_id, table_name, schema_version FROM ducklake_inlined_data_tables ORDER BY 1");
    sameRows(
        "SELECT begin_snapshot, schema_version, table_id FROM ducklake_schema_versions ORDER BY 1");
    sameRows(
        "SELECT data_file_id, table_id, begin_snapshot, end_snapshot, record_count, row_id_start"
            + " FROM ducklake_data_file ORDER BY 1");
    sameRows("SELECT table_id, record_count, next_row_id FROM ducklake_table_stats ORDER BY 1");
  }

  @Test
  void inlinedRowsMatch() throws Exception {
    sameRows(
        "SELECT row_id, begin_snapshot, end_snapshot, x FROM ducklake_inlined_data_4_4 ORDER BY 1");
    sameRows(
        "SELECT row_id, begin_snapshot, end_snapshot, x, y FROM ducklake_inlined_data_6_6"
            + " ORDER BY 1");
    sameRows(
        "SELECT row_id, begin_snapshot, end_snapshot, order_id, customer,"
            + " CAST(total AS VARCHAR) FROM ducklake_inlined_data_3_3 ORDER BY 1");
  }

  @Test
  void rowsAtEverySnapshotMatchDuckDb() {
    try (Lake lake =
        Lake.open("sqlite:" + catalog, LakeOptions.dataPath(temp.resolve("data").toString()))) {
      new GoldenShape("jdbc:sqlite:" + catalog, GOLDEN).rowsAtEverySnapshot(lake);
      assertThat(lake.views(7))
          .containsExactly(new ViewInfo("sales", "big_orders", "duckdb", VIEW_SQL));
      assertThat(lake.views()).hasSize(1);
    }
  }

  @Test
  void namesAreSharedByTablesAndViewsAndNonEmptySchemasNeedCascade() {
    try (Lake lake =
            Lake.open("sqlite:" + catalog, LakeOptions.dataPath(temp.resolve("data").toString()));
        Transaction tx = lake.begin()) {
      assertThatThrownBy(
              () ->
                  tx.createTable(
                      "sales.big_orders",
                      List.of(LakeColumn.of(0, "a", LakeType.of(TypeId.INT32)))))
          .isInstanceOf(QuacklakeException.class)
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
      assertThatThrownBy(() -> tx.createView("sales.orders", "SELECT 1"))
          .isInstanceOf(QuacklakeException.class)
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
      assertThatThrownBy(() -> tx.dropSchema("sales"))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("cascade")
          .hasMessageContaining("big_orders");
      assertThatThrownBy(() -> tx.dropView("sales.nope"))
          .isInstanceOf(QuacklakeException.class)
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
  }
}
