package io.quacklake.testkit.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maintenance next to writers (decision 0013): orphan cleanup never deletes a file a commit
 * references (a commit refuses files older than half of {@code delete_older_than}, cleanup deletes
 * only files older than all of it, re-reading the catalog at least every quarter of it), and a
 * commit whose concurrent history was expired is refused rather than checked against a gap.
 */
class MaintenanceSafetyTest {
  @TempDir Path temp;

  private static final List<LakeColumn> COLUMNS =
      List.of(LakeColumn.of(0, "id", LakeType.of(TypeId.INT64)));

  private static List<Map<String, Object>> rows(long from, int n) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long i = from; i < from + n; i++) {
      out.add(Map.of("id", i));
    }
    return out;
  }

  @Test
  void aTransactionWhoseFilesAreOlderThanHalfTheGraceCommitsNothing() throws Exception {
    try (Lake lake =
        Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString())) {
      lake.setOption("data_inlining_row_limit", "0");
      lake.setOption("delete_older_than", "2 seconds");
      lake.createTable("main.t", COLUMNS);
      long before = lake.currentSnapshot().id();
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(0, 5));
        Thread.sleep(1_200);
        assertThatThrownBy(tx::commit)
            .isInstanceOfSatisfying(
                QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
            .hasMessageContaining("delete_older_than");
      }
      assertThat(lake.currentSnapshot().id()).isEqualTo(before);
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(0, 5));
        tx.commit();
      }
      assertThat(lake.table("t").scan().count()).isEqualTo(5);
    }
  }

  @Test
  void orphanCleanupInALoopNextToWritersLosesNothing() throws Exception {
    String catalog = TestCatalogs.location("sqlite", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      lake.setOption("data_inlining_row_limit", "0");
      lake.setOption("delete_older_than", "1 second");
      lake.createTable("main.t", COLUMNS);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<Long>> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      long base = w * 1_000_000L;
      writers.add(
          pool.submit(
              () -> {
                long acked = 0;
                try (Lake lake = Lake.open(catalog)) {
                  while (!stop.get()) {
                    try (Transaction tx = lake.begin()) {
                      tx.insert("t", rows(base + acked * 10, 10));
                      tx.commit();
                      acked++;
                    } catch (QuacklakeException e) {
                      if (e.kind() != ErrorKind.CONFLICT) {
                        throw e;
                      }
                    }
                  }
                }
                return acked;
              }));
    }
    int deleted = 0;
    try (Lake lake = Lake.open(catalog)) {
      long until = System.currentTimeMillis() + 6_000;
      while (System.currentTimeMillis() < until) {
        deleted += lake.maintenance().deleteOrphanedFiles(false).size();
      }
    }
    stop.set(true);
    long acked = 0;
    for (Future<Long> f : writers) {
      acked += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(deleted).isZero();
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.table("t").scan().filter("id >= 0").count()).isEqualTo(acked * 10);
      assertThat(lake.table("t").scan().count()).isEqualTo(acked * 10);
    }
  }

  @Test
  void aCommitWhoseConcurrentHistoryWasExpiredIsRefused() {
    try (Lake lake =
        Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString())) {
      lake.createTable("main.t", COLUMNS);
      try (Transaction first = lake.begin()) {
        first.insert("t", rows(0, 3));
        first.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(100, 3));
        long concurrent;
        try (Transaction other = lake.begin()) {
          other.delete("t", "id = 1");
          concurrent = other.commit().id();
        }
        try (Transaction later = lake.begin()) {
          later.insert("t", rows(10, 3));
          later.commit();
        }
        assertThat(concurrent).isEqualTo(tx.baseSnapshotId() + 1);
        assertThat(lake.maintenance().expireSnapshots(List.of(concurrent), false)).hasSize(1);
        assertThatThrownBy(tx::commit)
            .isInstanceOfSatisfying(
                QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
            .hasMessageContaining("was expired");
      }
      assertThat(lake.table("t").scan().count()).isEqualTo(5);
    }
  }
}
