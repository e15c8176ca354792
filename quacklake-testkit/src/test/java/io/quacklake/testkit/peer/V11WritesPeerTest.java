package io.quacklake.testkit.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quacklake writes into a DuckLake 1.1-dev1 lake the peer created (its default) as DuckDB does:
 * {@code row_group_count} on data and delete files, {@code _ducklake_}-prefixed system columns in
 * inlined-data tables; the peer reads every snapshot exactly as Quacklake does.
 */
class V11WritesPeerTest {
  @TempDir Path temp;

  private static List<Map<String, Object>> rows(int from, int to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", (long) i);
      row.put("name", "n" + i);
      out.add(row);
    }
    return out;
  }

  private static void run(Lake lake, Consumer<Transaction> step) {
    try (Transaction tx = lake.begin()) {
      step.accept(tx);
      tx.commit();
    }
  }

  @Test
  void everyKindOfChangeIntoAPeerCreatedLakeReadsTheSame() {
    DuckDbPeer peer = DuckDbPeer.require().withPostgres();
    String catalog = TestCatalogs.location("postgres", temp);
    peer.run(
        temp,
        peer.attach(catalog, temp.resolve("data") + "/", "lake", false)
            + "; CREATE TABLE lake.main.p (id BIGINT, name VARCHAR);"
            + " INSERT INTO lake.main.p VALUES (1, 'peer'), (2, 'peer');");
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.specVersion()).isEqualTo("1.1-dev1");
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, name VARCHAR"));
      run(lake, tx -> tx.insert("t", rows(0, 3)));
      run(lake, tx -> tx.insert("t", rows(10, 60)));
      run(lake, tx -> tx.delete("t", "id IN (1, 11)"));
      run(lake, tx -> tx.delete("t", "id >= 20 AND id < 40"));
      run(lake, tx -> tx.update("t", Map.of("name", "u"), "id IN (2, 12)"));
      run(lake, tx -> tx.insert("p", List.of(Map.of("id", 3L, "name", "quack"))));
      run(lake, tx -> tx.delete("p", "id = 1"));
      run(lake, tx -> tx.addColumn("t", LakeColumn.of(0, "score", LakeType.of(TypeId.FLOAT64))));
      run(lake, tx -> tx.insert("t", List.of(Map.of("id", 100L, "name", "late", "score", 1.5))));
      lake.maintenance().flushInlinedData(null);
      lake.maintenance().rewriteDataFiles(null, 0.0);
    }
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    List<Map<String, Object>> counts =
        peer.query(
            temp,
            peer.attachForReading(catalog, null, "l", null)
                + "; SELECT count(*) AS n, count(row_group_count) AS counted FROM"
                + " __ducklake_metadata_l.ducklake_data_file");
    assertThat(counts.get(0).get("counted")).isEqualTo(counts.get(0).get("n"));
    peer.run(
        temp,
        peer.attach(catalog, null, "l", false)
            + "; INSERT INTO l.main.t VALUES (200, 'peer again', 2.5);"
            + " DELETE FROM l.main.t WHERE id = 100;");
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
  }
}
