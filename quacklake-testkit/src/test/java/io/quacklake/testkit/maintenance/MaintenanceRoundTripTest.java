package io.quacklake.testkit.maintenance;

import static io.quacklake.testkit.maintenance.MaintenanceFixtures.COLUMNS;
import static io.quacklake.testkit.maintenance.MaintenanceFixtures.rows;
import static io.quacklake.testkit.maintenance.MaintenanceFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.MaintenanceResult;
import io.quacklake.Snapshot;
import io.quacklake.testkit.TestCatalogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every maintenance step on every catalog kind leaves every surviving snapshot reading exactly as
 * before, and the files on disk are exactly those the catalog refers to after a final cleanup.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class MaintenanceRoundTripTest {
  @TempDir Path temp;

  /** Rows of main.t at every snapshot, as sorted text. */
  private static Map<Long, List<String>> everySnapshot(Lake lake) {
    Map<Long, List<String>> out = new HashMap<>();
    for (Snapshot s : lake.snapshots()) {
      if (lake.tables(s.id()).stream().noneMatch(t -> t.name().table().equals("t"))) {
        continue;
      }
      List<String> r = new ArrayList<>();
      try (io.quacklake.RowIterator it = lake.table("t").scan().asOf(s.id()).rows()) {
        it.forEachRemaining(row -> r.add(row.toString()));
      }
      r.sort(null);
      out.put(s.id(), r);
    }
    return out;
  }

  private static List<Path> parquetFiles(Path data) throws IOException {
    try (Stream<Path> all = Files.walk(data)) {
      return all.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void compactionKeepsEverySnapshot(String kind) throws IOException {
    Path data = temp.resolve("data");
    try (Lake lake = Lake.create(TestCatalogs.location(kind, temp), data.toString())) {
      lake.setOption("data_inlining_row_limit", "0");
      lake.createTable("main.t", COLUMNS);
      for (int i = 0; i < 12; i++) {
        int from = i * 50;
        run(lake, tx -> tx.insert("t", rows(from, from + 50)));
      }
      StringBuilder ids = new StringBuilder("id IN (0");
      for (int i = 5; i < 300; i += 5) {
        ids.append(", ").append(i);
      }
      String everyFifth = ids.append(")").toString();
      run(lake, tx -> tx.delete("t", everyFifth));
      Map<Long, List<String>> before = everySnapshot(lake);
      long filesBefore = lake.table("t").scan().planFiles().size();

      MaintenanceResult merged = lake.maintenance().mergeAdjacentFiles("t", null);
      assertThat(merged.snapshot()).isPresent();
      assertThat(merged.snapshot().get().changesText()).isEqualTo("{merge_adjacent=[1]}");
      assertThat(merged.filesProcessed()).isEqualTo(6);
      assertThat(lake.table("t").scan().planFiles()).hasSize((int) filesBefore - 5);

      MaintenanceResult rewritten = lake.maintenance().rewriteDataFiles("t", 0.0);
      assertThat(rewritten.snapshot().get().changesText()).isEqualTo("{rewrite_delete=[1]}");
      assertThat(rewritten.filesProcessed()).isEqualTo(6);

      Map<Long, List<String>> after = everySnapshot(lake);
      for (Map.Entry<Long, List<String>> e : before.entrySet()) {
        assertThat(after.get(e.getKey())).as("snapshot %d", e.getKey()).isEqualTo(e.getValue());
      }
      long latest = lake.currentSnapshot().id();
      List<String> last = after.get(latest);

      List<Snapshot> expired = lake.maintenance().expireSnapshots(Instant.now(), false);
      assertThat(expired).hasSize((int) latest);
      assertThat(lake.snapshots()).extracting(Snapshot::id).containsExactly(latest);
      List<String> cleaned = lake.maintenance().cleanupOldFiles(true, false);
      assertThat(cleaned).isNotEmpty();
      assertThat(lake.maintenance().cleanupOldFiles(true, false)).isEmpty();
      assertThat(everySnapshot(lake).get(latest)).isEqualTo(last);
      assertThat(parquetFiles(data)).hasSize(lake.table("t").scan().planFiles().size());
    }
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void flushMovesInlinedRowsAndKeepsHistory(String kind) {
    Path data = temp.resolve("data");
    try (Lake lake = Lake.create(TestCatalogs.location(kind, temp), data.toString())) {
      lake.createTable("main.t", COLUMNS);
      run(lake, tx -> tx.insert("t", rows(0, 3)));
      run(lake, tx -> tx.insert("t", rows(3, 6)));
      run(lake, tx -> tx.delete("t", "id = 1"));
      run(lake, tx -> tx.update("t", Map.of("name", "changed"), "id = 4"));
      Map<Long, List<String>> before = everySnapshot(lake);

      MaintenanceResult flushed = lake.maintenance().flushInlinedData(null);
      assertThat(flushed.snapshot().get().changesText()).isEqualTo("{flushed_inlined=[1]}");
      assertThat(flushed.rows()).isEqualTo(7);
      assertThat(lake.maintenance().flushInlinedData(null).snapshot()).isEmpty();

      Map<Long, List<String>> after = everySnapshot(lake);
      for (Map.Entry<Long, List<String>> e : before.entrySet()) {
        assertThat(after.get(e.getKey())).as("snapshot %d", e.getKey()).isEqualTo(e.getValue());
      }
      run(lake, tx -> tx.delete("t", "id = 2"));
      assertThat(lake.table("t").scan().count()).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void orphanedFilesAreDeletedAndReferencedOnesKept(String kind) throws IOException {
    Path data = temp.resolve("data");
    try (Lake lake = Lake.create(TestCatalogs.location(kind, temp), data.toString())) {
      lake.setOption("data_inlining_row_limit", "0");
      lake.createTable("main.t", COLUMNS);
      run(lake, tx -> tx.insert("t", rows(0, 100)));
      List<Path> live = parquetFiles(data);
      Path dir = live.get(0).getParent();
      Path orphan = dir.resolve("ducklake-orphan.parquet");
      Files.write(orphan, new byte[] {1, 2, 3});
      Path temporary = dir.resolve(".ducklake-x.parquet.1234.tmp");
      Files.write(temporary, new byte[] {1});
      Path foreign = dir.resolve("notes.txt");
      Files.writeString(foreign, "keep me");

      assertThat(lake.maintenance().deleteOrphanedFiles(false)).isEmpty();
      List<String> dry = lake.maintenance().deleteOrphanedFiles(Instant.now().plusSeconds(1), true);
      assertThat(dry).hasSize(2);
      assertThat(orphan).exists();
      List<String> deleted =
          lake.maintenance().deleteOrphanedFiles(Instant.now().plusSeconds(1), false);
      assertThat(deleted).hasSize(2);
      assertThat(orphan).doesNotExist();
      assertThat(temporary).doesNotExist();
      assertThat(foreign).exists();
      assertThat(parquetFiles(data)).isEqualTo(live);
      assertThat(lake.table("t").scan().count()).isEqualTo(100);
    }
  }
}
