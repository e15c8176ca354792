package io.quacklake.testkit.versioned;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.testkit.concurrency.Ack;
import io.quacklake.testkit.concurrency.ChaosWriter;
import io.quacklake.testkit.concurrency.LakeAuditor;
import io.quacklake.testkit.concurrency.VersionAuditor;
import io.quacklake.testkit.concurrency.WriterWorkload;
import io.quacklake.text.ColumnDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    audit(8, Set.of());
  }

  @Test
  void eightFaultyProcessesAndAKilledOneLoseNothing() throws Exception {
    createLake();
    List<Process> processes = new ArrayList<>();
    for (int w = 1; w <= 8; w++) {
      processes.add(start(w, SECONDS, 0.02));
    }
    Path victimLog = log(1);
    long until = System.currentTimeMillis() + SECONDS * 1000;
    while ((!Files.exists(victimLog) || Files.readAllLines(victimLog).size() < 3)
        && System.currentTimeMillis() < until) {
      Thread.sleep(20);
    }
    processes.get(0).destroyForcibly().waitFor();
    for (Process p : processes.subList(1, 8)) {
      assertThat(p.waitFor(SECONDS + 300, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes())).isZero();
      System.out.println(
          "ObjectStoreChaosIT writer: " + new String(p.getInputStream().readAllBytes()).trim());
    }
    List<Ack> acks = acks(8);
    System.out.printf(
        "ObjectStoreChaosIT file://: 8 faulty processes (1 killed), %d acknowledged commits in"
            + " %d s (%.1f/s)%n",
        acks.size(), SECONDS, acks.size() / (double) SECONDS);
    assertThat(acks).hasSizeGreaterThan(8);
    audit(8, Set.of(1));
  }

  private void audit(int writers, Set<Integer> killed) throws Exception {
    List<Ack> acks = acks(writers);
    Path export = temp.resolve("export-" + System.nanoTime() + ".sqlite");
    try (Lake lake = Lake.open(catalog)) {
      assertThat(VersionAuditor.audit(lake, root.resolve("catalog/blocks"))).isEmpty();
      lake.catalogVersions().export(export);
    }
    assertThat(
            LakeAuditor.audit(
                catalog,
                "jdbc:sqlite:" + export,
                root.resolve("data"),
                acks,
                killed,
                2 * lost(writers)))
        .isEmpty();
  }

  private Path log(int writer) {
    return temp.resolve("writer-" + writer + ".log");
  }

  private List<Ack> acks(int writers) throws Exception {
    List<Ack> out = new ArrayList<>();
    for (int w = 1; w <= writers; w++) {
      if (Files.exists(log(w))) {
        for (String line : Files.readAllLines(log(w))) {
          if (!line.isBlank() && !line.startsWith("X ")) {
            out.add(Ack.parse(line));
          }
        }
      }
    }
    return out;
  }

  private int lost(int writers) throws Exception {
    int n = 0;
    for (int w = 1; w <= writers; w++) {
      if (Files.exists(log(w))) {
        n += (int) Files.readAllLines(log(w)).stream().filter(l -> l.startsWith("X ")).count();
      }
    }
    return n;
  }

  private Process start(int writer, long seconds, double faultRate) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            ChaosWriter.class.getName(),
            catalog,
            Integer.toString(writer),
            Long.toString(7000 + writer),
            log(writer).toString(),
            Long.toString(seconds),
            Double.toString(faultRate))
        .start();
  }
}
