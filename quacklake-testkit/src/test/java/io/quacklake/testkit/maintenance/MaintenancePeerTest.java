package io.quacklake.testkit.maintenance;

import static io.quacklake.testkit.maintenance.MaintenanceFixtures.COLUMNS;
import static io.quacklake.testkit.maintenance.MaintenanceFixtures.peerRows;
import static io.quacklake.testkit.maintenance.MaintenanceFixtures.rows;
import static io.quacklake.testkit.maintenance.MaintenanceFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.Snapshot;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.testkit.peer.LakeLocation;
import io.quacklake.testkit.peer.PeerLakeComparison;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DuckDB peer reads every snapshot that survives Quacklake's maintenance exactly as before, row
 * ids included; DuckDB's own maintenance then runs on the lake and Quacklake still reads it; and
 * Quacklake's maintenance runs on a lake DuckDB wrote and maintained.
 */
class MaintenancePeerTest {
  @TempDir Path temp;

  /** Small inserts (inlined), larger ones (files), small and large deletes, an update. */
  private static void history(Lake lake) {
    lake.createTable("main.t", COLUMNS);
    for (int i = 0; i < 8; i++) {
      int from = i * 40;
      int to = from + (i % 2 == 0 ? 40 : 4);
      run(lake, tx -> tx.insert("t", rows(from, to)));
    }
    run(lake, tx -> tx.delete("t", "id IN (1, 2, 81, 160)"));
    run(lake, tx -> tx.delete("t", "id >= 100 AND id < 115"));
    run(lake, tx -> tx.update("t", Map.of("name", "changed"), "id IN (3, 41, 121)"));
    run(lake, tx -> tx.insert("t", rows(1000, 1003)));
  }

  private static List<Path> dataFiles(Path data) throws IOException {
    try (Stream<Path> all = Files.walk(data)) {
      return all.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void peerReadsQuacklakesMaintenanceAndRunsItsOwnAfterwards(String kind) throws IOException {
    DuckDbPeer peer =
        kind.equals("postgres") ? DuckDbPeer.require().withPostgres() : DuckDbPeer.require();
    String catalog = TestCatalogs.location(kind, temp);
    Path data = temp.resolve("data");
    try (Lake lake = Lake.create(catalog, data + "/")) {
      history(lake);
    }
    Map<Long, List<Map<String, Object>>> before = peerRows(peer, temp, catalog, "t");
    assertThat(before).hasSize(13);

    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.maintenance().flushInlinedData(null).snapshot()).isPresent();
      lake.maintenance().mergeAdjacentFiles(null, null);
      assertThat(lake.maintenance().rewriteDataFiles(null, 0.05).snapshot()).isPresent();
    }
    Map<Long, List<Map<String, Object>>> after = peerRows(peer, temp, catalog, "t");
    before.forEach(
        (id, rows) -> assertThat(after.get(id)).as("peer rows at snapshot %d", id).isEqualTo(rows));
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    long latest;
    try (Lake lake = Lake.open(catalog)) {
      latest = lake.currentSnapshot().id();
      lake.maintenance().expireSnapshots(Instant.now(), false);
      lake.maintenance().cleanupOldFiles(true, false);
      lake.maintenance().deleteOrphanedFiles(Instant.now().plusSeconds(1), false);
      assertThat(lake.snapshots()).extracting(Snapshot::id).containsExactly(latest);
    }
    Map<Long, List<Map<String, Object>>> expired = peerRows(peer, temp, catalog, "t");
    assertThat(expired.get(latest)).isEqualTo(after.get(latest));

    peer.run(
        temp,
        peer.attach(catalog, null, "l", false)
            + "; CALL ducklake_merge_adjacent_files('l');"
            + " CALL ducklake_rewrite_data_files('l', delete_threshold => 0.0);"
            + " CALL ducklake_expire_snapshots('l', older_than => now());"
            + " CALL ducklake_cleanup_old_files('l', cleanup_all => true);"
            + " CALL ducklake_delete_orphaned_files('l', cleanup_all => true);");
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.table("t").scan().count()).isEqualTo(after.get(latest).size());
      assertThat(dataFiles(data))
          .hasSize(lake.table("t").scan().planFiles().size() + deleteFiles(lake));
    }
  }

  private static int deleteFiles(Lake lake) {
    return (int)
        lake.table("t").scan().planFiles().stream()
            .filter(io.quacklake.PlannedFile::hasDeletes)
            .count();
  }

  /**
   * On PostgreSQL, where the peer writes the catalog itself. (A DuckDB-file catalog the peer
   * created has storage version v2.0.0+, and DuckDB JDBC 2.0.0.1 writing to it leaves a file this
   * peer build cannot attach: "Failed to deserialize ... field id: 106"; mixed writers on DuckDB
   * files belong to the interoperability issue.)
   */
  @Test
  void quacklakeMaintainsALakeDuckDbWroteAndMaintained() throws IOException {
    DuckDbPeer peer = DuckDbPeer.require().withPostgres();
    Path dir = temp.resolve("peer");
    Files.createDirectories(dir);
    String catalog = TestCatalogs.location("postgres", temp);
    StringBuilder sql =
        new StringBuilder(
            "ATTACH 'ducklake:"
                + catalog
                + "' AS l (DATA_PATH '"
                + dir.resolve("data")
                + "/', DUCKLAKE_VERSION '1.0'); CREATE TABLE l.main.t (id BIGINT, name VARCHAR);");
    for (int i = 0; i < 10; i++) {
      sql.append(" INSERT INTO l.main.t SELECT r, 'n' || r FROM range(")
          .append(i * 30)
          .append(", ")
          .append(i * 30 + (i % 3 == 0 ? 3 : 30))
          .append(") t(r);");
    }
    sql.append(" DELETE FROM l.main.t WHERE id % 10 = 3;")
        .append(" CALL ducklake_merge_adjacent_files('l');")
        .append(" UPDATE l.main.t SET name = 'u' WHERE id < 40;")
        .append(" DELETE FROM l.main.t WHERE id BETWEEN 200 AND 204;");
    peer.run(dir, sql.toString());
    Map<Long, List<Map<String, Object>>> before = peerRows(peer, temp, catalog, "t");

    try (Lake lake = Lake.open(catalog)) {
      lake.maintenance().flushInlinedData(null);
      lake.maintenance().mergeAdjacentFiles(null, null);
      lake.maintenance().rewriteDataFiles(null, 0.0);
    }
    Map<Long, List<Map<String, Object>>> after = peerRows(peer, temp, catalog, "t");
    before.forEach(
        (id, rows) -> assertThat(after.get(id)).as("peer rows at snapshot %d", id).isEqualTo(rows));
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
  }

  /** A partitioned table's inlined rows flush to one file per partition, as DuckDB's flush does. */
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void partitionedInlinedRowsFlushPerPartition(String kind) {
    DuckDbPeer peer =
        kind.equals("postgres") ? DuckDbPeer.require().withPostgres() : DuckDbPeer.require();
    String catalog = TestCatalogs.location(kind, temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable(
          "main.p",
          List.of(
              LakeColumn.of(0, "id", LakeType.of(TypeId.INT64)),
              LakeColumn.of(0, "region", LakeType.of(TypeId.VARCHAR))));
      run(
          lake,
          tx ->
              tx.setPartitioning(
                  "main.p", List.of(new io.quacklake.PartitionField("region", "identity"))));
      String[] regions = {"eu", "us", "eu west", null};
      for (int i = 0; i < 6; i++) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
          Map<String, Object> row = new HashMap<>();
          row.put("id", (long) (i * 3 + j));
          row.put("region", regions[(i + j) % regions.length]);
          rows.add(row);
        }
        run(lake, tx -> tx.insert("main.p", rows));
      }
      run(lake, tx -> tx.delete("main.p", "id IN (1, 7)"));
      run(lake, tx -> tx.update("main.p", Map.of("id", 100L), "id = 4"));
    }
    Map<Long, List<Map<String, Object>>> before = peerRows(peer, temp, catalog, "p");
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.maintenance().flushInlinedData(null).filesCreated()).isEqualTo(4);
      assertThat(lake.table("main.p").scan().planFiles()).hasSize(4);
    }
    Map<Long, List<Map<String, Object>>> after = peerRows(peer, temp, catalog, "p");
    before.forEach(
        (id, rows) -> assertThat(after.get(id)).as("peer rows at snapshot %d", id).isEqualTo(rows));
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
    List<Map<String, Object>> files =
        peer.query(
            temp,
            peer.attachForReading(catalog, null, "l", null)
                + "; SELECT data_file FROM ducklake_list_files('l', 'p') ORDER BY 1");
    assertThat(files)
        .extracting(f -> f.get("data_file").toString())
        .anyMatch(f -> f.contains("region=eu%20west/"));
  }

  /**
   * Flushed files (every row with its own snapshot) and plain files merge into one file that keeps
   * each row's snapshot and id: the peer reads every snapshot as before.
   */
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void flushedAndPlainFilesMergeKeepingEverySnapshot(String kind) {
    DuckDbPeer peer =
        kind.equals("postgres") ? DuckDbPeer.require().withPostgres() : DuckDbPeer.require();
    String catalog = TestCatalogs.location(kind, temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("main.t", COLUMNS);
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 3; i++) {
          int from = round * 100 + i * 3;
          run(lake, tx -> tx.insert("t", rows(from, from + 3)));
        }
        lake.maintenance().flushInlinedData(null);
        int from = round * 100 + 50;
        run(lake, tx -> tx.insert("t", rows(from, from + 30)));
      }
    }
    Map<Long, List<Map<String, Object>>> before = peerRows(peer, temp, catalog, "t");
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.table("t").scan().planFiles()).hasSize(6);
      assertThat(lake.maintenance().mergeAdjacentFiles(null, null).filesProcessed()).isEqualTo(6);
      assertThat(lake.table("t").scan().planFiles()).hasSize(1);
    }
    Map<Long, List<Map<String, Object>>> after = peerRows(peer, temp, catalog, "t");
    before.forEach(
        (id, rows) -> assertThat(after.get(id)).as("peer rows at snapshot %d", id).isEqualTo(rows));
    new PeerLakeComparison(peer, temp).assertSameRows(new LakeLocation(catalog, null));
  }
}
