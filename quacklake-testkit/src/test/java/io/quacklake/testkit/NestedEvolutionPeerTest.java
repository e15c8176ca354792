package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.testkit.peer.LakeLocation;
import io.quacklake.testkit.peer.PeerLakeComparison;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nested schema evolution: fields added to, renamed in and dropped from structs (also inside a
 * list's element), recorded as DuckDB records them, and files written before read as the peer reads
 * them at every snapshot.
 */
class NestedEvolutionPeerTest {
  @TempDir Path temp;

  private static final String COLUMNS =
      " SELECT column_id, begin_snapshot, end_snapshot, column_order, column_name, column_type,"
          + " initial_default, default_value, parent_column FROM"
          + " __ducklake_metadata_l.ducklake_column ORDER BY column_id, begin_snapshot;";

  /** With rows in files (limit 0) and rows inlined in the catalog (DuckDB's default of 10). */
  @ParameterizedTest(name = "data_inlining_row_limit {0}")
  @ValueSource(ints = {0, 10})
  void nestedEvolutionWrittenHereMatchesDuckDbsAndReadsAtEverySnapshot(int inliningLimit) {
    DuckDbPeer peer = DuckDbPeer.require();
    Path theirs = temp.resolve("peer.ducklake");
    peer.query(
        temp,
        peer.attachNew(
                "duckdb:" + theirs,
                temp.resolve("peer") + "/",
                "l",
                "1.0",
                "DATA_INLINING_ROW_LIMIT " + inliningLimit)
            + ";"
            + " CREATE TABLE l.t(id INT, s STRUCT(a INT, b VARCHAR), li STRUCT(x INT)[]);"
            + " INSERT INTO l.t VALUES (1, {'a': 1, 'b': 'x'}, [{'x': 1}]);"
            + " ALTER TABLE l.t ADD COLUMN s.c DOUBLE;"
            + " INSERT INTO l.t VALUES (2, {'a': 2, 'b': 'y', 'c': 2.5}, [{'x': 2}]);"
            + " ALTER TABLE l.t RENAME COLUMN s.a TO a2;"
            + " ALTER TABLE l.t DROP COLUMN s.b;"
            + " ALTER TABLE l.t ADD COLUMN li.element.y VARCHAR;"
            + " ALTER TABLE l.t ADD COLUMN s.d INT DEFAULT 7;"
            + " INSERT INTO l.t VALUES (3, {'a2': 3, 'c': 3.5, 'd': 1}, [{'x': 3, 'y': 'q'}]);");
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation("duckdb:" + theirs, null));

    String catalog = TestCatalogs.location("duckdb", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("ours") + "/")) {
      lake.setOption("data_inlining_row_limit", Integer.toString(inliningLimit));
      lake.createTable(
          "t",
          ColumnDefinitions.parse(
              "id INTEGER, s STRUCT(a INTEGER, b VARCHAR), li STRUCT(x INTEGER)[]"));
      insert(lake, Map.of("id", 1, "s", Map.of("a", 1, "b", "x"), "li", List.of(Map.of("x", 1))));
      alter(lake, tx -> tx.addField("t", "s", field("c DOUBLE")));
      insert(
          lake,
          Map.of("id", 2, "s", Map.of("a", 2, "b", "y", "c", 2.5), "li", List.of(Map.of("x", 2))));
      alter(lake, tx -> tx.renameField("t", "s.a", "a2"));
      alter(lake, tx -> tx.dropField("t", "s.b"));
      alter(lake, tx -> tx.addField("t", "li.element", field("y VARCHAR")));
      alter(lake, tx -> tx.addField("t", "s", field("d INTEGER DEFAULT 7")));
      insert(
          lake,
          Map.of(
              "id",
              3,
              "s",
              Map.of("a2", 3, "c", 3.5, "d", 1),
              "li",
              List.of(Map.of("x", 3, "y", "q"))));
      assertThatThrownBy(() -> alter(lake, tx -> tx.dropField("t", "li.element")))
          .hasMessageContaining("cannot be dropped or renamed");
      assertThatThrownBy(() -> alter(lake, tx -> tx.addField("t", "id", field("z INTEGER"))))
          .hasMessageContaining("not a struct");
      assertThatThrownBy(() -> alter(lake, tx -> tx.renameField("t", "s.nope", "z")))
          .hasMessageContaining("no field nope");
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    List<List<Map<String, Object>>> ours =
        peer.results(temp, peer.attach(catalog, null, "l", false) + ";" + COLUMNS);
    List<List<Map<String, Object>>> expected =
        peer.results(temp, peer.attach("duckdb:" + theirs, null, "l", false) + ";" + COLUMNS);
    assertThat(ours).as("ducklake_column rows").isEqualTo(expected);
  }

  private static LakeColumn field(String definition) {
    return ColumnDefinitions.parse(definition).get(0);
  }

  private static void insert(Lake lake, Map<String, ?> row) {
    try (Transaction tx = lake.begin()) {
      tx.insert("t", List.of(row));
      tx.commit();
    }
  }

  private static void alter(Lake lake, java.util.function.Consumer<Transaction> change) {
    try (Transaction tx = lake.begin()) {
      change.accept(tx);
      tx.commit();
    }
  }
}
