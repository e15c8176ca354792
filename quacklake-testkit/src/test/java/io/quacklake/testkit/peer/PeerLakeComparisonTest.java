package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quacklake and the DuckDB peer read the same rows in every table at every snapshot, whichever of
 * them wrote the lake; and a difference fails naming the table and snapshot.
 */
class PeerLakeComparisonTest {
  @TempDir Path temp;

  /** One snapshot per statement: inlined and file inserts, a delete, an update, a new column. */
  private static final List<String> PEER_HISTORY =
      List.of(
          "CREATE TABLE lake.main.items (id BIGINT, name VARCHAR, price DECIMAL(10,2),"
              + " tags VARCHAR[], created TIMESTAMP)",
          "INSERT INTO lake.main.items VALUES (1, 'one', 1.50, ['a', NULL], TIMESTAMP"
              + " '2025-01-01 00:00:00'), (2, NULL, NULL, [], NULL), (3, 'it''s', -0.01, NULL,"
              + " TIMESTAMP '2025-06-30 12:34:56.789')",
          "INSERT INTO lake.main.items SELECT i, 'item ' || i, i * 0.25, [CAST(i AS VARCHAR)],"
              + " TIMESTAMP '2025-01-01 00:00:00' + INTERVAL (i) MINUTE FROM range(10, 200) t(i)",
          "DELETE FROM lake.main.items WHERE id % 7 = 0",
          "UPDATE lake.main.items SET name = upper(name), price = price + 1 WHERE id BETWEEN 10"
              + " AND 30",
          "CREATE TABLE lake.main.counts AS SELECT range AS n FROM range(5)",
          "ALTER TABLE lake.main.items ADD COLUMN score DOUBLE DEFAULT 1.5",
          "INSERT INTO lake.main.items (id, name, score) VALUES (500, 'late', 0.1)");

  @Test
  void lakeWrittenByThePeerReadsTheSameInQuacklake() {
    DuckDbPeer peer = DuckDbPeer.require();
    LakeLocation lake = peerLake(peer, temp.resolve("a"), PEER_HISTORY);
    try (Lake opened = Lake.open(lake.catalog())) {
      assertThat(opened.specVersion()).isEqualTo("1.0");
      assertThat(opened.snapshots()).hasSize(PEER_HISTORY.size() + 1);
    }
    // items at snapshots 1..8, counts at 6..8
    assertThat(new PeerLakeComparison(peer, temp).assertSameRows(lake)).isEqualTo(8 + 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void lakeWrittenByQuacklakeReadsTheSameInThePeer(String kind) {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location(kind, temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      writeHistory(lake);
    }
    assertThat(new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null)))
        .isEqualTo(5 + 3);
  }

  @Test
  void aRowThatDiffersAtOneSnapshotFailsNamingTableAndSnapshot() {
    DuckDbPeer peer = DuckDbPeer.require();
    List<String> history =
        List.of(
            "CREATE TABLE lake.main.t (id INTEGER, s VARCHAR)",
            "INSERT INTO lake.main.t VALUES (1, 'a'), (2, 'b'), (3, 'c')",
            "DELETE FROM lake.main.t WHERE id = 2");
    List<String> other = new ArrayList<>(history);
    other.set(2, "DELETE FROM lake.main.t WHERE id = 3");
    LakeLocation expected = peerLake(peer, temp.resolve("expected"), history);
    LakeLocation actual = peerLake(peer, temp.resolve("actual"), other);
    PeerLakeComparison comparison = new PeerLakeComparison(peer, temp);
    assertThatThrownBy(() -> comparison.assertSameRows(expected, actual))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rows of main.t@3")
        .hasMessageContaining("AT (VERSION => 3)")
        .hasMessageContaining("[\"2\", \"b\"]");
  }

  @Test
  void aTableMissingAtOneSnapshotFailsNamingTheSnapshot() {
    DuckDbPeer peer = DuckDbPeer.require();
    List<String> history =
        List.of("CREATE TABLE lake.main.t (id INTEGER)", "CREATE TABLE lake.main.u (id INTEGER)");
    List<String> other = List.of(history.get(0), "CREATE TABLE lake.main.v (id INTEGER)");
    LakeLocation expected = peerLake(peer, temp.resolve("expected"), history);
    LakeLocation actual = peerLake(peer, temp.resolve("actual"), other);
    assertThatThrownBy(() -> new PeerLakeComparison(peer, temp).assertSameRows(expected, actual))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("tables at snapshot 2")
        .hasMessageContaining("main.u");
  }

  /** A DuckLake 1.0 lake written by the peer in {@code dir}, one snapshot per statement. */
  private static LakeLocation peerLake(DuckDbPeer peer, Path dir, List<String> statements) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String catalog = "duckdb:" + dir.resolve("lake.ducklake");
    String attach =
        "ATTACH 'ducklake:"
            + dir.resolve("lake.ducklake")
            + "' AS lake (DATA_PATH '"
            + dir.resolve("data")
            + "/', DUCKLAKE_VERSION '1.0')";
    peer.run(dir, attach + ";\n" + String.join(";\n", statements) + ";");
    return new LakeLocation(catalog, null);
  }

  private static final List<LakeColumn> ITEMS =
      List.of(
          LakeColumn.of(0, "id", LakeType.of(TypeId.INT64)),
          LakeColumn.of(0, "name", LakeType.of(TypeId.VARCHAR)),
          LakeColumn.of(0, "price", LakeType.decimal(10, 2)),
          LakeColumn.of(0, "score", LakeType.of(TypeId.FLOAT64)),
          LakeColumn.of(0, "ok", LakeType.of(TypeId.BOOLEAN)),
          LakeColumn.of(0, "day", LakeType.of(TypeId.DATE)),
          LakeColumn.of(0, "created", LakeType.of(TypeId.TIMESTAMP)),
          LakeColumn.of(0, "seen", LakeType.of(TypeId.TIMESTAMPTZ)),
          LakeColumn.of(0, "u", LakeType.of(TypeId.UUID)),
          LakeColumn.of(0, "bytes", LakeType.of(TypeId.BLOB)),
          nested(TypeId.LIST, "tags", LakeColumn.of(0, "element", LakeType.of(TypeId.VARCHAR))),
          nested(
              TypeId.STRUCT,
              "point",
              LakeColumn.of(0, "x", LakeType.of(TypeId.INT32)),
              LakeColumn.of(0, "label", LakeType.of(TypeId.VARCHAR))));

  private static LakeColumn nested(TypeId type, String name, LakeColumn... children) {
    return new LakeColumn(0, name, LakeType.of(type), true, null, null, List.of(children));
  }

  /**
   * Snapshots 1..5: create items, an inlined insert, a file insert with a new table (counts), a
   * delete with an insert, an update.
   */
  private static void writeHistory(Lake lake) {
    lake.createTable("main.items", ITEMS);
    try (Transaction tx = lake.begin()) {
      tx.insert("items", List.of(item(1), item(2), item(3)));
      tx.commit();
    }
    try (Transaction tx = lake.begin()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 10; i < 200; i++) {
        rows.add(item(i));
      }
      tx.insert("items", rows);
      tx.createTable("main.counts", List.of(LakeColumn.of(0, "n", LakeType.of(TypeId.INT32))));
      tx.commit();
    }
    try (Transaction tx = lake.begin()) {
      tx.delete("items", "id IN (2, 14, 21, 150)");
      tx.insert("counts", List.of(Map.of("n", 7L)));
      tx.commit();
    }
    try (Transaction tx = lake.begin()) {
      tx.update("items", Map.of("name", "renamed", "score", -0.5), "id BETWEEN 10 AND 30");
      tx.commit();
    }
  }

  /** A row with a value of every column derived from {@code id}; every 5th row mostly NULL. */
  private static Map<String, Object> item(long id) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", id);
    if (id % 5 == 2) {
      return row;
    }
    row.put("name", id == 3 ? "it's \"quoted\", ünïcode" : "item " + id);
    row.put("price", BigDecimal.valueOf(id * 25 - 100, 2));
    row.put("score", id / 3.0);
    row.put("ok", id % 2 == 0);
    row.put("day", LocalDate.of(2024, 2, 28).plusDays(id));
    row.put(
        "created", LocalDateTime.of(2025, 1, 1, 0, 0).plusSeconds(id * 61).plusNanos(id * 1000));
    row.put("seen", Instant.parse("2024-06-30T10:34:56.789Z").plusSeconds(id));
    row.put("u", new UUID(id, -id));
    row.put("bytes", new byte[] {(byte) id, 0, (byte) 0xFF, 'a'});
    row.put("tags", id % 3 == 0 ? List.of() : Arrays.asList("t" + id, null));
    Map<String, Object> point = new LinkedHashMap<>();
    point.put("x", id);
    point.put("label", id % 4 == 0 ? null : "p" + id);
    row.put("point", point);
    return row;
  }
}
