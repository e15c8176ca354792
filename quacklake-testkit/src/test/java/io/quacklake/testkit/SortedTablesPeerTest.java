package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.SortField;
import io.quacklake.Transaction;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.testkit.peer.LakeLocation;
import io.quacklake.testkit.peer.PeerLakeComparison;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorted tables ({@code SET SORTED BY}): the sort order is stored as DuckDB stores it, each engine
 * honours the other's, inserts and flushes write rows in that order, a renamed column stays a key
 * and a key column cannot be dropped.
 */
class SortedTablesPeerTest {
  @TempDir Path temp;

  private static final String ROWS =
      "SELECT range::INT AS id, CASE WHEN range % 9 = 0 THEN NULL ELSE chr((97 + (range * 7) % 26)::INT)"
          + " END AS s, DATE '2024-01-01' + (range * 37 % 400)::INT AS d FROM range(40)";

  @Test
  void sortOrderSetHereIsStoredAsDuckDbStoresItAndHonouredBothWays() {
    DuckDbPeer peer = DuckDbPeer.require();
    Path theirs = temp.resolve("peer.ducklake");
    peer.query(
        temp,
        peer.attachNew("duckdb:" + theirs, temp.resolve("peer") + "/", "l", "1.0")
            + "; CREATE TABLE l.t(id INT, s VARCHAR, d DATE);"
            + " ALTER TABLE l.t SET SORTED BY (s DESC NULLS FIRST, id);");
    String catalog = TestCatalogs.location("duckdb", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("ours") + "/")) {
      lake.createTable("t", ColumnDefinitions.parse("id INTEGER, s VARCHAR, d DATE"));
      try (Transaction tx = lake.begin()) {
        tx.setSortedBy("t", SortField.parseAll("s DESC NULLS FIRST, id"));
        tx.commit();
      }
      assertThat(lake.table("t").sortedBy(lake.currentSnapshot().id()))
          .containsExactly(new SortField("s", true, true), new SortField("id", false, false));
      insertShuffled(lake, 0, 40);
    }
    String metadata =
        " SELECT i.begin_snapshot, e.sort_key_index, e.expression, e.dialect, e.sort_direction,"
            + " e.null_order FROM __ducklake_metadata_l.ducklake_sort_info i JOIN"
            + " __ducklake_metadata_l.ducklake_sort_expression e USING (sort_id, table_id)"
            + " ORDER BY ALL;"
            + " SELECT snapshot_id, schema_version, changes_made FROM"
            + " __ducklake_metadata_l.ducklake_snapshot JOIN"
            + " __ducklake_metadata_l.ducklake_snapshot_changes USING (snapshot_id)"
            + " WHERE snapshot_id = 2;";
    List<List<Map<String, Object>>> ours =
        peer.results(temp, peer.attach(catalog, null, "l", false) + ";" + metadata);
    List<List<Map<String, Object>>> expected =
        peer.results(temp, peer.attach("duckdb:" + theirs, null, "l", false) + ";" + metadata);
    assertThat(ours).isEqualTo(expected);
    // the peer's own insert into our lake follows our sort order, and ours reads sorted
    List<List<Map<String, Object>>> files =
        peer.results(
            temp,
            peer.attach(catalog, null, "l", false)
                + "; INSERT INTO l.t "
                + ROWS.replace("range(40)", "range(100, 140)")
                + "; SELECT list(id ORDER BY file_row_number) AS ids FROM l.t GROUP BY filename"
                + " ORDER BY min(id);"
                + " SELECT list(id ORDER BY s DESC NULLS FIRST, id) AS ids FROM l.t"
                + " GROUP BY id >= 100 ORDER BY min(id);");
    assertThat(files.get(0))
        .extracting(r -> String.valueOf(r.get("ids")))
        .as("each file's rows in file order: Quacklake's, then DuckDB's")
        .isEqualTo(files.get(1).stream().map(r -> String.valueOf(r.get("ids"))).toList());
  }

  @Test
  void duckDbsSortOrderIsReadHereAndFollowedByInsertsFlushesAndRenames() {
    // PostgreSQL: the peer's own DuckDB files use a pre-release storage format that DuckDB 2.0
    // (Quacklake's DuckDB JDBC) rewrites in a form the peer cannot read back (docs/testing.md)
    DuckDbPeer peer = DuckDbPeer.require().withPostgres();
    String location = TestCatalogs.location("postgres", temp);
    peer.query(
        temp,
        peer.attachNew(location, temp.resolve("data") + "/", "l", "1.0")
            + "; CALL l.set_option('data_inlining_row_limit', 20);"
            + " CREATE TABLE l.t(id INT, s VARCHAR, d DATE);"
            + " ALTER TABLE l.t SET SORTED BY (year(d) DESC, s NULLS FIRST);"
            + " CREATE TABLE l.u(id INT, s VARCHAR, d DATE);"
            + " ALTER TABLE l.u SET SORTED BY (s);");
    try (Lake lake = Lake.open(location)) {
      long now = lake.currentSnapshot().id();
      assertThat(lake.table("t").sortedBy(now))
          .containsExactly(
              new SortField("\"year\"(d)", true, false), new SortField("s", false, true));
      insertShuffled(lake, 0, 40);
      for (int i = 0; i < 4; i++) {
        insertShuffled(lake, "u", 200 + i * 5, 205 + i * 5);
      }
      lake.maintenance().flushInlinedData("u");
      try (Transaction tx = lake.begin()) {
        tx.renameColumn("u", "s", "label");
        tx.commit();
      }
      assertThat(lake.table("u").sortedBy(lake.currentSnapshot().id()))
          .containsExactly(new SortField("label", false, false));
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.dropColumn("u", "label");
                }
              })
          .hasMessageContaining("sorted by it");
    }
    List<List<Map<String, Object>>> out =
        peer.results(
            temp,
            peer.attachForReading(location, null, "l", null)
                + "; SELECT list(year(d) || coalesce(s, '-') ORDER BY file_row_number) AS ids"
                + " FROM l.t;"
                + " SELECT list(year(d) || coalesce(s, '-') ORDER BY year(d) DESC, s NULLS FIRST)"
                + " AS ids FROM l.t;"
                + " SELECT list(coalesce(label, '-') ORDER BY file_row_number) AS ids FROM l.u;"
                + " SELECT list(coalesce(label, '-') ORDER BY label) AS ids FROM l.u;"
                + " SELECT expression FROM __ducklake_metadata_l.ducklake_sort_expression e"
                + " JOIN __ducklake_metadata_l.ducklake_sort_info i USING (sort_id)"
                + " WHERE i.end_snapshot IS NULL ORDER BY e.table_id, e.sort_key_index;");
    assertThat(String.valueOf(out.get(0).get(0).get("ids")))
        .as("Quacklake's insert in DuckDB's order of year(d) DESC, s NULLS FIRST")
        .isEqualTo(String.valueOf(out.get(1).get(0).get("ids")));
    assertThat(String.valueOf(out.get(2).get(0).get("ids")))
        .as("four small inserts flushed into one file in sort order")
        .isEqualTo(String.valueOf(out.get(3).get(0).get("ids")));
    assertThat(out.get(4))
        .extracting(r -> r.get("expression"))
        .containsExactly("\"year\"(d)", "s", "label");
  }

  @Test
  void mergedAndRewrittenFilesFollowTheSortOrder() {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.setOption("data_inlining_row_limit", "0");
      lake.createTable("t", ColumnDefinitions.parse("id INTEGER, s VARCHAR, d DATE"));
      lake.setTableOption("t", "sort_on_insert", "false");
      try (Transaction tx = lake.begin()) {
        tx.setSortedBy("t", SortField.parseAll("s DESC NULLS FIRST, id"));
        tx.commit();
      }
      for (int i = 0; i < 4; i++) {
        insertShuffled(lake, i * 10, i * 10 + 10);
      }
      lake.maintenance().mergeAdjacentFiles("t", null);
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id % 3 = 0");
        tx.commit();
      }
      lake.maintenance().rewriteDataFiles("t", 0.0);
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    List<List<Map<String, Object>>> out =
        peer.results(
            temp,
            peer.attachForReading(catalog, null, "l", null)
                + "; SELECT count(DISTINCT filename) AS files,"
                + " list(id ORDER BY file_row_number) AS ids FROM l.t;"
                + " SELECT list(id ORDER BY s DESC NULLS FIRST, id) AS ids FROM l.t;");
    assertThat(String.valueOf(out.get(0).get(0).get("files"))).isEqualTo("1");
    assertThat(String.valueOf(out.get(0).get(0).get("ids")))
        .as("the rewritten file's rows in the table's sort order")
        .isEqualTo(String.valueOf(out.get(1).get(0).get("ids")));
  }

  @Test
  void sortOnInsertOffKeepsArrivalOrder() {
    String catalog = TestCatalogs.location("sqlite", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("t", ColumnDefinitions.parse("id INTEGER, s VARCHAR, d DATE"));
      lake.setTableOption("t", "sort_on_insert", "false");
      try (Transaction tx = lake.begin()) {
        tx.setSortedBy("t", List.of(SortField.asc("id")));
        tx.commit();
      }
      List<Map<String, ?>> rows = new ArrayList<>();
      for (int i = 30; i > 0; i--) {
        rows.add(Map.of("id", i));
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows);
        tx.commit();
      }
      List<Object> ids = new ArrayList<>();
      try (RowIterator it = lake.table("t").scan().select("id").rows()) {
        it.forEachRemaining(r -> ids.add(r.get("id")));
      }
      assertThat(((Number) ids.get(0)).intValue()).as("arrival order kept").isEqualTo(30);
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.setSortedBy("t", List.of(SortField.asc("nope")));
                }
              })
          .hasMessageContaining("names column nope");
    }
  }

  @Test
  void renamesInOneTransactionCarryOverToTheSortKeys() {
    String catalog = TestCatalogs.location("sqlite", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("t", ColumnDefinitions.parse("id INTEGER, a VARCHAR, s STRUCT(id INTEGER)"));
      try (Transaction tx = lake.begin()) {
        tx.setSortedBy("t", SortField.parseAll("a DESC, id"));
        tx.renameColumn("t", "a", "order");
        tx.commit();
      }
      assertThat(lake.table("t").sortedBy(lake.currentSnapshot().id()))
          .as("set, then renamed in the same transaction; a reserved word is quoted")
          .containsExactly(new SortField("\"order\"", true, false), SortField.asc("id"));
      try (Transaction tx = lake.begin()) {
        tx.renameField("t", "s.id", "k");
        tx.commit();
      }
      assertThat(lake.table("t").sortedBy(lake.currentSnapshot().id()))
          .as("a struct field's rename leaves the top-level key alone")
          .containsExactly(new SortField("\"order\"", true, false), SortField.asc("id"));
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.renameColumn("t", "id", "ident");
                  tx.dropColumn("t", "ident");
                }
              })
          .hasMessageContaining("sorted by it");
    }
  }

  private static void insertShuffled(Lake lake, int from, int to) {
    insertShuffled(lake, "t", from, to);
  }

  /** Rows of {@link #ROWS}' shape in a scrambled order. */
  private static void insertShuffled(Lake lake, String table, int from, int to) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int k = from; k < to; k++) {
      int i = from + (int) (((long) (k - from) * 17) % (to - from));
      Map<String, Object> row = new java.util.HashMap<>();
      row.put("id", i);
      row.put("s", i % 9 == 0 ? null : String.valueOf((char) (97 + (i * 7) % 26)));
      row.put("d", java.time.LocalDate.of(2024, 1, 1).plusDays(i * 37L % 400));
      rows.add(row);
    }
    try (Transaction tx = lake.begin()) {
      tx.insert(table, rows);
      tx.commit();
    }
  }
}
