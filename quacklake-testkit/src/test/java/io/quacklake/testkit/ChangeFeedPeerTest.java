package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Change;
import io.quacklake.ChangeType;
import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The change feed ({@code Table.changes}) equals DuckDB's {@code ducklake_table_changes} row for
 * row: on lakes the peer wrote (inlined and file rows, updates, deletes through delete files,
 * catalog-recorded deletes and whole-file drops, an added column, flushes and compaction), over
 * several snapshot ranges each, and on a lake Quacklake wrote, which the peer reads.
 */
class ChangeFeedPeerTest {
  @TempDir Path temp;

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of(
            "files",
            "DATA_INLINING_ROW_LIMIT 0",
            List.of(
                "CREATE TABLE t(id INT, v VARCHAR)",
                "INSERT INTO t VALUES (1,'a'),(2,'b'),(3,'c'),(4,'d')",
                "UPDATE t SET v='B' WHERE id=2",
                "DELETE FROM t WHERE id=3",
                "DELETE FROM t WHERE id=4",
                "INSERT INTO t VALUES (5,'e')"),
            List.of("0 6", "3 6", "5 6", "2 2", "6 4")),
        Arguments.of(
            "inlined rows and an added column",
            "DATA_INLINING_ROW_LIMIT 10",
            List.of(
                "CREATE TABLE t(id INT, v VARCHAR)",
                "INSERT INTO t VALUES (1,'a'),(2,'b'),(3,'c')",
                "UPDATE t SET v='bb' WHERE id=2",
                "DELETE FROM t WHERE id=3",
                "ALTER TABLE t ADD COLUMN w INT DEFAULT 7",
                "INSERT INTO t VALUES (4,'d',8)",
                "UPDATE t SET w=9 WHERE id=1"),
            List.of("0 7", "0 4", "3 5", "6 7")),
        Arguments.of(
            "a flush of inlined data",
            "DATA_INLINING_ROW_LIMIT 10",
            List.of(
                "CREATE TABLE t(id INT, v VARCHAR)",
                "INSERT INTO t VALUES (1,'a'),(2,'b')",
                "INSERT INTO t VALUES (3,'c'),(4,'d')",
                "DELETE FROM t WHERE id=2",
                "UPDATE t SET v='D' WHERE id=4",
                "CALL ducklake_flush_inlined_data('l')",
                "DELETE FROM t WHERE id=1"),
            List.of("0 7", "3 4", "6 6", "7 7")),
        Arguments.of(
            "deletion vectors: bare and cumulative Puffin files",
            "DATA_INLINING_ROW_LIMIT 0, WRITE_DELETION_VECTORS true",
            List.of(
                "CREATE TABLE t(id INT, v VARCHAR)",
                "INSERT INTO t SELECT i, 'v'||i FROM range(20) r(i)",
                "DELETE FROM t WHERE id % 7 = 0",
                "DELETE FROM t WHERE id % 5 = 0",
                "UPDATE t SET v='U' WHERE id % 3 = 0"),
            List.of("0 5", "3 3", "4 4", "5 5", "3 5")),
        Arguments.of(
            "deletion vectors from a flush of catalog-recorded deletes",
            "DATA_INLINING_ROW_LIMIT 3, WRITE_DELETION_VECTORS true",
            List.of(
                "CREATE TABLE t(id INT, v VARCHAR)",
                "INSERT INTO t SELECT i, 'v'||i FROM range(10) r(i)",
                "DELETE FROM t WHERE id IN (6)",
                "DELETE FROM t WHERE id IN (8,1)",
                "CALL ducklake_flush_inlined_data('l')",
                "DELETE FROM t WHERE id IN (2,3,4,5)"),
            List.of("0 6", "3 4", "5 5", "6 6")),
        Arguments.of(
            "merge_adjacent_files",
            "DATA_INLINING_ROW_LIMIT 0",
            List.of(
                "CREATE TABLE t(id INT, v VARCHAR)",
                "INSERT INTO t VALUES (1,'a'),(2,'b')",
                "INSERT INTO t VALUES (3,'c'),(4,'d')",
                "INSERT INTO t VALUES (5,'e')",
                "DELETE FROM t WHERE id=1",
                "CALL ducklake_merge_adjacent_files('l')"),
            List.of("0 6", "3 4", "5 5", "6 6")),
        Arguments.of(
            "rewrite_data_files",
            "DATA_INLINING_ROW_LIMIT 0",
            List.of(
                "CREATE TABLE t(id INT, v VARCHAR)",
                "INSERT INTO t SELECT i, 'v'||i FROM range(10) r(i)",
                "DELETE FROM t WHERE id < 6",
                "UPDATE t SET v='X' WHERE id=9",
                "CALL ducklake_rewrite_data_files('l', delete_threshold => 0.0)"),
            List.of("0 5", "5 5", "3 4")),
        Arguments.of(
            "catalog-recorded deletes and delete files",
            "DATA_INLINING_ROW_LIMIT 3",
            List.of(
                "CREATE TABLE t(id INT, v VARCHAR)",
                "INSERT INTO t SELECT i, 'v'||i FROM range(5) r(i)",
                "INSERT INTO t SELECT i, 'v'||i FROM range(5,10) r(i)",
                "DELETE FROM t WHERE id IN (6)",
                "DELETE FROM t WHERE id IN (8,1)",
                "DELETE FROM t WHERE id IN (2,3)"),
            List.of("0 6", "5 6", "4 4", "6 6")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void changesOfALakeDuckDbWroteEqualDuckDbs(
      String name, String options, List<String> statements, List<String> ranges) {
    DuckDbPeer peer = DuckDbPeer.require();
    Path catalog = temp.resolve("lake.ducklake");
    StringBuilder sql =
        new StringBuilder("ATTACH 'ducklake:")
            .append(catalog)
            .append("' AS l (DATA_PATH '")
            .append(temp.resolve("data"))
            .append("/', DUCKLAKE_VERSION '1.0', ")
            .append(options)
            .append("); USE l;");
    statements.forEach(s -> sql.append(' ').append(s).append(';'));
    peer.query(temp, sql.toString());
    assertSameChanges(peer, "duckdb:" + catalog, "main.t", ranges);
  }

  @Test
  void changesOfALakeQuacklakeWroteEqualDuckDbs() {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.setOption("data_inlining_row_limit", "3");
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, v VARCHAR"));
      insert(lake, 0, 6);
      insert(lake, 6, 8);
      try (Transaction tx = lake.begin()) {
        tx.update("t", Map.of("v", "upd"), "id IN (1, 6)");
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id IN (2, 7)");
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id >= 3 AND id <= 5");
        tx.commit();
      }
      lake.maintenance().flushInlinedData(null);
      insert(lake, 8, 20);
      lake.maintenance().mergeAdjacentFiles(null, null);
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id = 10");
        tx.commit();
      }
    }
    long last;
    try (Lake lake = Lake.open(catalog)) {
      last = lake.currentSnapshot().id();
    }
    assertSameChanges(
        peer,
        catalog,
        "main.t",
        List.of("0 " + last, "3 5", "6 8", (last - 1) + " " + last, last + " " + last));
  }

  /**
   * A row deleted after a merge (a file with embedded snapshot ids): DuckDB reports it as updated
   * at the snapshot that inserted it — its deletion scan takes the data file's embedded snapshot
   * for plain delete entries. Quacklake reports the delete where the peer's own time travel shows
   * it: visible at snapshot 5, gone at 6.
   */
  @Test
  void aDeleteAfterAMergeIsWhereThePeersTimeTravelPutsIt() {
    DuckDbPeer peer = DuckDbPeer.require();
    Path catalog = temp.resolve("lake.ducklake");
    peerLake(
        peer,
        catalog,
        " CREATE TABLE t(id INT, v VARCHAR); INSERT INTO t VALUES (1,'a'),(2,'b');"
            + " INSERT INTO t VALUES (3,'c'),(4,'d'); INSERT INTO t VALUES (5,'e');"
            + " CALL ducklake_merge_adjacent_files('l'); DELETE FROM t WHERE id=3;");
    List<List<Map<String, Object>>> seen =
        peer.results(
            temp,
            peer.attachForReading("duckdb:" + catalog, null, "l", null)
                + "; SELECT rowid AS r FROM l.t AT (VERSION => 5) ORDER BY 1;"
                + " SELECT rowid AS r FROM l.t AT (VERSION => 6) ORDER BY 1;");
    List<String> before = seen.get(0).stream().map(r -> String.valueOf(r.get("r"))).toList();
    List<String> after = seen.get(1).stream().map(r -> String.valueOf(r.get("r"))).toList();
    List<String> gone = new ArrayList<>(before);
    gone.removeAll(after);
    assertThat(gone).as("the peer's time travel").containsExactly("2");
    try (Lake lake = Lake.open("duckdb:" + catalog)) {
      assertThat(lake.table("t").changes(6, 6))
          .extracting(c -> c.snapshotId() + " " + c.rowId() + " " + c.type().text())
          .containsExactly("6 2 delete");
      assertThat(lake.table("t").changes(3, 3))
          .extracting(c -> c.rowId() + " " + c.type().text())
          .containsExactly("2 insert", "3 insert");
    }
  }

  /**
   * The streamed feed of a large history comes in batches of at most two input batches' rows (a row
   * can be inserted and deleted in one range), holds the same rows as the peer's feed, and keeps
   * only the types asked for.
   */
  @Test
  void theStreamedFeedOfALargeHistoryEqualsDuckDbsInBoundedBatches() {
    DuckDbPeer peer = DuckDbPeer.require();
    Path catalog = temp.resolve("lake.ducklake");
    peerLake(
        peer,
        catalog,
        " CREATE TABLE t(id INT, v VARCHAR);"
            + " INSERT INTO t SELECT i, 'v' || i FROM range(60000) r(i);"
            + " UPDATE t SET v = 'u' || id WHERE id % 3 = 0;"
            + " DELETE FROM t WHERE id % 5 = 0;"
            + " INSERT INTO t SELECT i, 'w' || i FROM range(60000, 70000) r(i);");
    List<String> theirs =
        peer
            .results(
                temp,
                peer.attachForReading("duckdb:" + catalog, null, "l", null)
                    + "; SELECT snapshot_id || '|' || rowid || '|' || change_type || '|' || id"
                    + " || '|' || v AS r FROM ducklake_table_changes('l', 'main', 't', 0, 5);")
            .get(0)
            .stream()
            .map(r -> String.valueOf(r.get("r")))
            .toList();
    assertThat(theirs).hasSize(60000 + 2 * 20000 + 12000 + 10000);
    try (Lake lake = Lake.open("duckdb:" + catalog)) {
      List<String> ours = new ArrayList<>();
      int batches = 0;
      try (ScanReader reader =
          lake.table("t").changeReader(0, 5, EnumSet.allOf(ChangeType.class))) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        assertThat(root.getSchema().getFields())
            .extracting(f -> f.getName())
            .containsExactly("snapshot_id", "rowid", "change_type", "id", "v");
        while (reader.loadNextBatch()) {
          batches++;
          assertThat(root.getRowCount()).isBetween(1, 2 * 8192);
          for (int r = 0; r < root.getRowCount(); r++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < 5; c++) {
              row.append(c == 0 ? "" : "|").append(root.getVector(c).getObject(r));
            }
            ours.add(row.toString());
          }
        }
        assertThat(reader.metrics().rowsReturned()).isEqualTo(theirs.size());
      }
      assertThat(batches).isGreaterThan(10);
      assertThat(ours.stream().sorted().toList())
          .as("AssertJ's any-order comparison is quadratic: sorted lists instead")
          .isEqualTo(theirs.stream().sorted().toList());
      try (ScanReader reader =
          lake.table("t").changeReader(3, 3, EnumSet.of(ChangeType.UPDATE_PREIMAGE))) {
        long rows = 0;
        while (reader.loadNextBatch()) {
          VectorSchemaRoot root = reader.getVectorSchemaRoot();
          for (int r = 0; r < root.getRowCount(); r++) {
            assertThat(root.getVector("change_type").getObject(r).toString())
                .isEqualTo("update_preimage");
          }
          rows += root.getRowCount();
        }
        assertThat(rows).isEqualTo(20000);
      }
    }
  }

  @Test
  void missingSnapshotsAndTablesAreNotFound() {
    String catalog = TestCatalogs.location("sqlite", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, v VARCHAR"));
      insert(lake, 0, 2);
      assertThatThrownBy(() -> lake.table("t").changes(0, 99))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("snapshot 99 does not exist")
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
      assertThatThrownBy(() -> lake.table("t").changes(0, 0))
          .isInstanceOf(QuacklakeException.class)
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
      assertThat(lake.table("t").changes(2, 1)).isEmpty();
      assertThat(lake.table("t").changes(0, 2)).hasSize(2);
    }
  }

  /** A 1.0 lake written by the peer without inlining: its statements run after {@code USE l}. */
  private void peerLake(DuckDbPeer peer, Path catalog, String statements) {
    peer.query(
        temp,
        "ATTACH 'ducklake:"
            + catalog
            + "' AS l (DATA_PATH '"
            + temp.resolve("data")
            + "/', DUCKLAKE_VERSION '1.0', DATA_INLINING_ROW_LIMIT 0); USE l;"
            + statements);
  }

  private static void insert(Lake lake, long from, long to) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (long i = from; i < to; i++) {
      rows.add(Map.of("id", i, "v", "v" + i));
    }
    try (Transaction tx = lake.begin()) {
      tx.insert("t", rows);
      tx.commit();
    }
  }

  private void assertSameChanges(
      DuckDbPeer peer, String catalog, String table, List<String> ranges) {
    List<List<String>> ours = new ArrayList<>();
    try (Lake lake = Lake.open(catalog)) {
      for (String range : ranges) {
        String[] r = range.split(" ");
        List<String> rows = new ArrayList<>();
        for (Change c : lake.table(table).changes(Long.parseLong(r[0]), Long.parseLong(r[1]))) {
          rows.add(
              c.snapshotId()
                  + "|"
                  + c.rowId()
                  + "|"
                  + c.type().text()
                  + "|"
                  + c.values().values().stream()
                      .map(String::valueOf)
                      .reduce((a, b) -> a + "|" + b)
                      .orElse(""));
        }
        ours.add(rows);
      }
    }
    StringBuilder sql =
        new StringBuilder(peer.attachForReading(catalog, null, "l", null)).append(";");
    String[] parts = table.split("\\.");
    for (String range : ranges) {
      String[] r = range.split(" ");
      sql.append(" SELECT * FROM ducklake_table_changes('l', '")
          .append(parts[0])
          .append("', '")
          .append(parts[1])
          .append("', ")
          .append(r[0])
          .append(", ")
          .append(r[1])
          .append(") ORDER BY snapshot_id, rowid, change_type DESC;");
    }
    List<List<Map<String, Object>>> theirs = peer.results(temp, sql.toString());
    assertThat(theirs).hasSize(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      List<String> rows = new ArrayList<>();
      for (Map<String, Object> row : theirs.get(i)) {
        StringBuilder s =
            new StringBuilder()
                .append(row.get("snapshot_id"))
                .append('|')
                .append(row.get("rowid"))
                .append('|')
                .append(row.get("change_type"));
        for (Map.Entry<String, Object> e : row.entrySet()) {
          if (!List.of("snapshot_id", "rowid", "change_type").contains(e.getKey())) {
            s.append('|').append(e.getValue());
          }
        }
        rows.add(s.toString());
      }
      List<String> mine = ours.get(i);
      List<String> sortedTheirs = new ArrayList<>(rows);
      List<String> sortedMine = new ArrayList<>(mine);
      java.util.Collections.sort(sortedTheirs);
      java.util.Collections.sort(sortedMine);
      assertThat(sortedMine)
          .as("changes " + ranges.get(i) + " of " + catalog)
          .isEqualTo(sortedTheirs);
    }
  }
}
