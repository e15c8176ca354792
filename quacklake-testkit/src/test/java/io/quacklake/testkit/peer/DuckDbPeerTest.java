package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running the DuckDB peer: results, failures, long scripts and ATTACH statements. */
class DuckDbPeerTest {
  @TempDir Path temp;

  @Test
  void queryReturnsTheRowsOfTheLastStatementThatReturnedRows() {
    DuckDbPeer peer = DuckDbPeer.require();
    List<Map<String, Object>> rows =
        peer.query(
            temp,
            "SELECT 1 AS a; CREATE TABLE t (x INTEGER); SELECT 2 AS b, 'two' AS c, NULL AS d"
                + " UNION ALL SELECT 3, 'three', NULL ORDER BY b;");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsExactly(Map.entry("b", 2), Map.entry("c", "two"), entry("d"));
    assertThat(rows.get(1).get("c")).isEqualTo("three");
  }

  @Test
  void resultsHoldEveryStatementThatReturnedRowsInOrder() {
    DuckDbPeer peer = DuckDbPeer.require();
    assertThat(peer.results(temp, "SELECT 1 AS a; SELECT 2 AS b WHERE false; SELECT 3 AS c;"))
        .extracting(r -> r.isEmpty() ? Map.of() : r.get(0))
        .containsExactly(Map.of("a", 1), Map.of(), Map.of("c", 3));
  }

  @Test
  void failingSqlFailsWithTheSqlAndDuckDbsMessage() {
    DuckDbPeer peer = DuckDbPeer.require();
    assertThatThrownBy(() -> peer.run(temp, "SELECT 1; SELECT * FROM no_such_table;"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("SELECT * FROM no_such_table")
        .hasMessageContaining("Catalog Error")
        .hasMessageContaining("no_such_table does not exist");
  }

  @Test
  void sqlTooLongForTheCommandLineRunsFromAScriptFile() {
    DuckDbPeer peer = DuckDbPeer.require();
    String padding = "x".repeat(150_000);
    assertThat(peer.query(temp, "SELECT length('" + padding + "') AS n;"))
        .containsExactly(Map.of("n", 150_000));
    assertThatThrownBy(() -> peer.run(temp, "SELECT '" + padding + "'; SELECT * FROM nope;"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("nope does not exist");
  }

  @Test
  void attachesDuckDbFileCatalogsAsDucklake() {
    DuckDbPeer peer = DuckDbPeer.require();
    assertThat(peer.attach("duckdb:/tmp/x/lake.ducklake", "/tmp/x/data/", "l", true))
        .isEqualTo(
            "ATTACH 'ducklake:/tmp/x/lake.ducklake' AS l (DATA_PATH '/tmp/x/data/', READ_ONLY)");
    assertThat(peer.attach("duckdb:/tmp/it's.ducklake", null, "l", false))
        .isEqualTo("ATTACH 'ducklake:/tmp/it''s.ducklake' AS l");
    assertThat(peer.attachForReading("duckdb:/tmp/x/lake.ducklake", "/d/", "l", 3L))
        .isEqualTo(
            "ATTACH 'ducklake:/tmp/x/lake.ducklake' AS l (DATA_PATH '/d/', OVERRIDE_DATA_PATH"
                + " TRUE, READ_ONLY, SNAPSHOT_VERSION 3)");
  }

  @Test
  void attachesPostgresCatalogsOnlyWithTheExtension() {
    DuckDbPeer peer = DuckDbPeer.require();
    String location = "postgres:dbname=lake host=127.0.0.1 user=postgres";
    assertThatThrownBy(() -> peer.attach(location, null, "l", true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withPostgres");
    assertThat(peer.withPostgres().attach(location, "/d/", "l", false))
        .isEqualTo(
            "ATTACH 'ducklake:postgres:dbname=lake host=127.0.0.1 user=postgres' AS l"
                + " (DATA_PATH '/d/')");
    assertThat(peer.withPostgres().attachNew(location, "/d/", "lake", "1.0"))
        .isEqualTo(
            "ATTACH 'ducklake:postgres:dbname=lake host=127.0.0.1 user=postgres' AS lake"
                + " (DATA_PATH '/d/', DUCKLAKE_VERSION '1.0')");
    assertThat(peer.attachNew("duckdb:/tmp/l.ducklake", "/d/", "lake", null))
        .isEqualTo("ATTACH 'ducklake:/tmp/l.ducklake' AS lake (DATA_PATH '/d/')");
  }

  @Test
  void refusesSqliteCatalogsWithAReason() {
    DuckDbPeer peer = DuckDbPeer.require();
    assertThatThrownBy(() -> peer.attach("sqlite:/tmp/c.sqlite", null, "l", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sqlite extension")
        .hasMessageContaining("sqlite:/tmp/c.sqlite");
    assertThatThrownBy(() -> peer.attach("duckdb:/tmp/c.ducklake", null, "l; DROP", true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map.Entry<String, Object> entry(String key) {
    return new java.util.AbstractMap.SimpleEntry<>(key, null);
  }
}
