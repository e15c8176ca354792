package io.quacklake.testkit.versioned;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.testkit.concurrency.ChaosRun;
import io.quacklake.testkit.concurrency.ChaosWriter;
import io.quacklake.testkit.concurrency.WriterWorkload;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many writers on one object-store catalog ({@code file://}), no server anywhere: threads, then OS
 * processes standing for serverless functions, with a store that fails, stalls and gives ambiguous
 * answers on catalog requests, and one writer killed with SIGKILL mid-run. The auditors then check
 * every acknowledged commit present exactly once, dense versions and snapshots, every block present
 * and checksums matching, and exact rows. Longer runs: {@code -Dquacklake.soak.seconds=N}.
 */
class ObjectStoreChaosIT {
  private static final long SECONDS = Long.getLong("quacklake.soak.seconds", 20);

  @TempDir Path temp;
  private String catalog;
  private Path root;

  private void createLake() {
    root = temp.resolve("lake");
    catalog = root.toUri().toString();
    try (Lake lake = Lake.create(catalog, null)) {
      lake.createTable(
          WriterWorkload.TABLE,
          ColumnDefinitions.parse("id BIGINT, writer INTEGER, payload VARCHAR"));
    }
  }

  @Test
  void eightThreadsLoseNothing() throws Exception {
    createLake();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long deadline = System.currentTimeMillis() + SECONDS * 1000;
    List<Future<Integer>> runs = new ArrayList<>();
    for (int w = 1; w <= 8; w++) {
      ChaosWriter writer = new ChaosWriter(catalog, w, 500 + w, log(w));
      runs.add(pool.submit(() -> writer.run(deadline)));
    }
    int commits = 0;
    for (Future<Integer> f : runs) {
      commits += f.get(SECONDS + 180, TimeUnit.SECONDS);
    }
    pool.shutdown();
    System.out.printf(
        "ObjectStoreChaosIT file://: 8 threads, %d acknowledged commits in %d s (%.1f/s)%n",
        commits, SECONDS, commits / (double) SECONDS);
    assertThat(commits).isGreaterThan(8);
    new ChaosRun(catalog, temp, Map.of())
        .audit(8, Set.of(), root.resolve("data"), LakeOptions.defaults());
  }

  @Test
  void eightFaultyProcessesAndAKilledOneLoseNothing() throws Exception {
    createLake();
    ChaosRun run = new ChaosRun(catalog, temp, Map.of());
    int acks = run.run(8, SECONDS, 0.02);
    System.out.printf(
        "ObjectStoreChaosIT file://: 8 faulty processes (1 killed), %d acknowledged commits in"
            + " %d s (%.1f/s)%n",
        acks, SECONDS, acks / (double) SECONDS);
    run.assertProgress(8, Set.of(1));
    run.audit(8, Set.of(1), root.resolve("data"), LakeOptions.defaults());
  }

  private Path log(int writer) {
    return temp.resolve("writer-" + writer + ".log");
  }
}
