package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.Transaction;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The virtual columns DuckDB exposes on DuckLake tables — {@code rowid}, {@code snapshot_id},
 * {@code filename}, {@code file_row_number} — selected in a scan give the peer's values: files,
 * inlined rows, updated rows, merged files with per-row snapshots, and time travel.
 */
class VirtualColumnsPeerTest {
  private static final String SELECT = "id, rowid, snapshot_id, filename, file_row_number";

  @TempDir Path temp;

  @Test
  void virtualColumnsOfADuckDbLakeEqualDuckDbs() {
    DuckDbPeer peer = DuckDbPeer.require();
    Path catalog = temp.resolve("lake.ducklake");
    peer.query(
        temp,
        peer.attachNew("duckdb:" + catalog, temp.resolve("data") + "/", "l", "1.0")
            + ";"
            + " CREATE TABLE l.t(id INT);"
            + " INSERT INTO l.t SELECT range FROM range(20);"
            + " INSERT INTO l.t VALUES (100), (101);"
            + " INSERT INTO l.t SELECT range + 200 FROM range(20);"
            + " UPDATE l.t SET id = id + 1000 WHERE id IN (3, 100);"
            + " DELETE FROM l.t WHERE id = 5;"
            + " INSERT INTO l.t SELECT range + 300 FROM range(15);"
            + " INSERT INTO l.t SELECT range + 400 FROM range(15);"
            + " CALL ducklake_merge_adjacent_files('l');");
    assertSameVirtualColumns(peer, "duckdb:" + catalog, List.of(2L, 5L, 9L));
  }

  @Test
  void virtualColumnsOfALakeWrittenHereEqualDuckDbs() {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("t", ColumnDefinitions.parse("id INTEGER"));
      insert(lake, 0, 20);
      insert(lake, 100, 102);
      try (Transaction tx = lake.begin()) {
        tx.update("t", Map.of("id", 777), "id IN (3, 100)");
        tx.commit();
      }
      insert(lake, 300, 330);
      lake.maintenance().flushInlinedData(null);
      insert(lake, 500, 503);
    }
    assertSameVirtualColumns(peer, catalog, List.of(2L, 4L, 6L));
  }

  @Test
  void aTableColumnNamedLikeAVirtualOneWins() {
    String catalog = TestCatalogs.location("sqlite", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("t", ColumnDefinitions.parse("id INTEGER, filename VARCHAR"));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", List.of(Map.of("id", 1, "filename", "mine")));
        tx.commit();
      }
      try (RowIterator rows = lake.table("t").scan().select("filename", "rowid").rows()) {
        Map<String, Object> row = rows.next();
        assertThat(row).containsEntry("filename", "mine").containsEntry("rowid", 0L);
      }
      assertThatThrownBy(() -> lake.table("t").scan().select("rowidx").rows())
          .hasMessageContaining("no column 'rowidx'")
          .hasMessageContaining("rowid, snapshot_id, filename, file_row_number");
    }
  }

  private void assertSameVirtualColumns(DuckDbPeer peer, String catalog, List<Long> snapshots) {
    List<Long> all = new ArrayList<>(snapshots);
    all.add(null);
    for (Long snapshot : all) {
      List<Map<String, Object>> theirs =
          peer.query(
              temp,
              peer.attachForReading(catalog, null, "l", snapshot)
                  + "; SELECT "
                  + SELECT
                  + " FROM l.t ORDER BY rowid");
      List<String> expected = new ArrayList<>();
      for (Map<String, Object> r : theirs) {
        expected.add(line(r));
      }
      List<String> ours = new ArrayList<>();
      try (Lake lake = Lake.open(catalog)) {
        var scan = lake.table("t").scan().select(SELECT.split(", "));
        if (snapshot != null) {
          scan = scan.asOf(snapshot);
        }
        try (RowIterator rows = scan.rows()) {
          rows.forEachRemaining(r -> ours.add(line(r)));
        }
      }
      ours.sort(
          java.util.Comparator.comparingLong((String s) -> Long.parseLong(s.split("\\|")[1])));
      assertThat(ours).as("at snapshot %s", snapshot).isEqualTo(expected);
      assertThat(expected).isNotEmpty();
    }
  }

  /** A row's selected columns, in {@link #SELECT}'s order. */
  private static String line(Map<String, ?> r) {
    StringBuilder out = new StringBuilder();
    for (String column : SELECT.split(", ")) {
      out.append(out.length() == 0 ? "" : "|").append(r.get(column));
    }
    return out.toString();
  }

  private static void insert(Lake lake, int from, int to) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(Map.of("id", i));
    }
    try (Transaction tx = lake.begin()) {
      tx.insert("t", rows);
      tx.commit();
    }
  }
}
