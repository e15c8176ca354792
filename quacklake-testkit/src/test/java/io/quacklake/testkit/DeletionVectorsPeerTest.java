package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.testkit.peer.LakeLocation;
import io.quacklake.testkit.peer.PeerLakeComparison;
import io.quacklake.types.ColumnDefinitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletion vectors ({@code write_deletion_vectors}): Puffin delete files DuckDB writes — a bare
 * {@code deletion-vector-v1} blob for a first delete, a Puffin container of cumulative blobs when a
 * file's earlier deletes must stay visible to time travel — read here at every snapshot as DuckDB
 * reads them, and the same files written here, byte for byte where DuckDB's are determined.
 */
class DeletionVectorsPeerTest {
  @TempDir Path temp;

  private static final List<String> HISTORY =
      List.of(
          "DELETE FROM %s.one WHERE id %% 3 = 0",
          "DELETE FROM %s.t WHERE id %% 7 = 0",
          "DELETE FROM %s.t WHERE id %% 5 = 0",
          "UPDATE %s.t SET s = 'u' WHERE id %% 11 = 0",
          "DELETE FROM %s.t WHERE id IN (1, 2)",
          "CALL ducklake_flush_inlined_data('%s')");

  @Test
  void duckDbDeletionVectorsReadAtEverySnapshot() {
    DuckDbPeer peer = DuckDbPeer.require();
    Path catalog = temp.resolve("peer.ducklake");
    StringBuilder sql =
        new StringBuilder("ATTACH 'ducklake:")
            .append(catalog)
            .append("' AS l (DATA_PATH '")
            .append(temp.resolve("peer"))
            .append("/', DUCKLAKE_VERSION '1.0');")
            .append(" CALL l.set_option('write_deletion_vectors', true);")
            .append(" CREATE TABLE l.t AS SELECT range AS id, 'v' || range AS s FROM range(20000);")
            .append(" CREATE TABLE l.one AS SELECT range AS id FROM range(5000);");
    HISTORY.forEach(s -> sql.append(' ').append(String.format(s, "l")).append(';'));
    sql.append(
        " SELECT format, footer_size > 0 AS container, count(*) AS n"
            + " FROM __ducklake_metadata_l.ducklake_delete_file GROUP BY ALL ORDER BY ALL;");
    List<Map<String, Object>> files = peer.query(temp, sql.toString());
    assertThat(files)
        .extracting(r -> r.get("format") + " " + r.get("container") + " " + r.get("n"))
        .as("the peer wrote a bare blob (one) and a Puffin container (t)")
        .containsExactly("puffin false 1", "puffin true 1");
    int compared =
        new PeerLakeComparison(peer, temp)
            .assertSameRows(new LakeLocation("duckdb:" + catalog, null));
    assertThat(compared).isGreaterThan(10);
  }

  @Test
  void deletionVectorsWrittenHereAreReadByDuckDbAndMatchItsBytes() throws IOException {
    DuckDbPeer peer = DuckDbPeer.require();
    String catalog = TestCatalogs.location("duckdb", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("ours") + "/")) {
      lake.setOption("write_deletion_vectors", "true");
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT, s VARCHAR"));
      lake.createTable("one", ColumnDefinitions.parse("id BIGINT"));
      insert(lake, "t", 20000, true);
      insert(lake, "one", 5000, false);
      try (Transaction tx = lake.begin()) {
        tx.delete("one", "id % 3 = 0");
        tx.commit();
      }
      for (String where : List.of("id % 7 = 0", "id % 5 = 0")) {
        try (Transaction tx = lake.begin()) {
          tx.delete("t", where);
          tx.commit();
        }
      }
      try (Transaction tx = lake.begin()) {
        tx.update("t", Map.of("s", "u"), "id % 11 = 0");
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id IN (1, 2)");
        tx.commit();
      }
      lake.maintenance().flushInlinedData(null);
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    List<List<Map<String, Object>>> out =
        peer.results(
            temp,
            peer.attach(catalog, null, "l", false)
                + "; SELECT format, footer_size > 0 AS container, count(*) AS n"
                + " FROM __ducklake_metadata_l.ducklake_delete_file GROUP BY ALL ORDER BY ALL;"
                + " DELETE FROM l.t WHERE id % 13 = 0;"
                + " SELECT count(*) AS n, sum(id) AS total FROM l.t;");
    assertThat(out.get(0))
        .extracting(r -> r.get("format") + " " + r.get("container") + " " + r.get("n"))
        .containsExactly("puffin false 1", "puffin true 1");
    long expected = 0;
    long count = 0;
    for (long i = 0; i < 20000; i++) {
      if (i % 7 != 0 && i % 5 != 0 && i % 13 != 0 && i != 1 && i != 2) {
        expected += i;
        count++;
      }
    }
    Map<String, Object> after = out.get(1).get(0);
    assertThat(String.valueOf(after.get("n")) + " " + after.get("total"))
        .as("the peer deleted more rows on top of our Puffin container")
        .isEqualTo(count + " " + expected);
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.table("t").scan().count())
          .as("and Quacklake reads its result")
          .isEqualTo(count);
    }

    Path peerCatalog = temp.resolve("peer.ducklake");
    peer.query(
        temp,
        peer.attachNew("duckdb:" + peerCatalog, temp.resolve("peer") + "/", "p", "1.0")
            + "; CALL p.set_option('write_deletion_vectors', true);"
            + " CREATE TABLE p.one AS SELECT range AS id FROM range(5000);"
            + " DELETE FROM p.one WHERE id % 3 = 0;");
    assertThat(Files.readAllBytes(puffin(temp.resolve("ours/main/one"))))
        .as("the same deletes as DuckDB's bare deletion vector, byte for byte")
        .isEqualTo(Files.readAllBytes(puffin(temp.resolve("peer/main/one"))));
  }

  private static Path puffin(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> p.toString().endsWith("-delete.puffin")).toList();
      assertThat(found).as("deletion vectors in " + dir).hasSize(1);
      return found.get(0);
    }
  }

  private static void insert(Lake lake, String table, int n, boolean withText) {
    List<Map<String, ?>> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(withText ? Map.of("id", i, "s", "v" + i) : Map.of("id", i));
    }
    try (Transaction tx = lake.begin()) {
      tx.insert(table, rows);
      tx.commit();
    }
  }
}
