package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DuckLake 1.1-dev1 lakes Quacklake creates, and 1.0 lakes it migrates, have DuckDB's layout: the
 * peer reads and writes them, and a lake Quacklake migrated has the tables and columns of the same
 * lake migrated by DuckDB.
 */
class V11LakesPeerTest {
  @TempDir Path temp;

  private static void run(Lake lake, Consumer<Transaction> step) {
    try (Transaction tx = lake.begin()) {
      step.accept(tx);
      tx.commit();
    }
  }

  private static void history(Lake lake) {
    lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, name VARCHAR"));
    run(
        lake,
        tx ->
            tx.insert("t", List.of(Map.of("id", 1L, "name", "a"), Map.of("id", 2L, "name", "b"))));
    run(lake, tx -> tx.delete("t", "id = 1"));
    run(lake, tx -> tx.update("t", Map.of("name", "bb"), "id = 2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void lakesCreatedAt11Dev1OpenAndWriteInThePeer(String kind) {
    DuckDbPeer peer =
        kind.equals("postgres") ? DuckDbPeer.require().withPostgres() : DuckDbPeer.require();
    String catalog = TestCatalogs.location(kind, temp);
    try (Lake lake =
        Lake.create(catalog, temp.resolve("data") + "/", LakeOptions.defaults(), "1.1-dev1")) {
      assertThat(lake.specVersion()).isEqualTo("1.1-dev1");
      history(lake);
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    peer.run(
        temp,
        peer.attach(catalog, null, "l", false)
            + "; INSERT INTO l.main.t VALUES (3, 'peer');"
            + " INSERT INTO l.main.t SELECT range, 'bulk' FROM range(10, 40);");
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.table("t").scan().count()).isEqualTo(32);
      if (kind.equals("postgres")) {
        // On a DuckDB file, DuckDB JDBC 2.0.0.1 writing after this peer build leaves a file the
        // peer cannot read ("field id: 106"): mixed writers on DuckDB files, see MixedWritersTest.
        run(lake, tx -> tx.delete("t", "id = 3"));
      }
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
  }

  @Test
  void aMigratedLakeHasTheLayoutDuckDbsMigrationGives() throws Exception {
    DuckDbPeer peer = DuckDbPeer.require();
    Path mine = temp.resolve("mine.ducklake");
    Path theirs = temp.resolve("theirs.ducklake");
    try (Lake lake = Lake.create("duckdb:" + mine, temp.resolve("data") + "/")) {
      history(lake);
    }
    Files.copy(mine, theirs);
    Lake.migrate("duckdb:" + mine, LakeOptions.defaults(), "1.1-dev1");
    peer.run(
        temp, "ATTACH 'ducklake:" + theirs + "' AS l (AUTOMATIC_MIGRATION TRUE); FROM l.main.t");
    String layout =
        "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = 'm'"
            + " ORDER BY 1, column_index";
    List<Map<String, Object>> a =
        peer.query(temp, "ATTACH '" + mine + "' AS m (READ_ONLY); " + layout);
    List<Map<String, Object>> b =
        peer.query(temp, "ATTACH '" + theirs + "' AS m (READ_ONLY); " + layout);
    assertThat(a).isEqualTo(b);
    try (Lake lake = Lake.open("duckdb:" + mine)) {
      assertThat(lake.specVersion()).isEqualTo("1.1-dev1");
      assertThat(lake.table("t").scan().count()).isEqualTo(1);
      run(lake, tx -> tx.insert("t", List.of(Map.of("id", 5L, "name", "after"))));
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation("duckdb:" + mine, null));
  }
}
