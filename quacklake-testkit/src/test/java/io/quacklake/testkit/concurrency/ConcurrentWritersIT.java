package io.quacklake.testkit.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many writers (threads, then OS processes, then a process killed with SIGKILL mid-run) append and
 * delete against one SQLite lake; the auditor then proves nothing acknowledged was lost and nothing
 * half-written remains. Duration per run: {@code -Dquacklake.soak.seconds} (default 8, which gives
 * each run hundreds of contended commits; soaks run longer).
 */
class ConcurrentWritersIT {
  private static final long SECONDS = Long.getLong("quacklake.soak.seconds", 8);

  @TempDir Path temp;
  private String catalog;
  private Path data;

  private void createLake(String kind) {
    catalog = TestCatalogs.location(kind, temp);
    data = temp.resolve("data");
    try (Lake lake = Lake.create(catalog, data.toString())) {
      lake.createTable(
          WriterWorkload.TABLE,
          List.of(
              LakeColumn.of(0, "id", LakeType.of(TypeId.INT64)),
              LakeColumn.of(0, "writer", LakeType.of(TypeId.INT32)),
              LakeColumn.of(0, "payload", LakeType.of(TypeId.VARCHAR))));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres", "mariadb"})
  void eightThreadsLoseNothing(String kind) throws Exception {
    createLake(kind);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long deadline = System.currentTimeMillis() + SECONDS * 1000;
    List<Future<Integer>> runs = new ArrayList<>();
    for (int w = 1; w <= 8; w++) {
      WriterWorkload workload =
          new WriterWorkload(catalog, w, 1000 + w, temp.resolve("writer-" + w + ".log"));
      runs.add(pool.submit(() -> workload.run(deadline, Integer.MAX_VALUE)));
    }
    int commits = 0;
    for (Future<Integer> f : runs) {
      commits += f.get(SECONDS + 120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    System.out.printf(
        "ConcurrentWritersIT %s: 8 threads, %d acknowledged commits in %d s (%.1f/s)%n",
        kind, commits, SECONDS, commits / (double) SECONDS);
    assertThat(commits).isGreaterThan(8);
    assertThat(LakeAuditor.audit(catalog, TestCatalogs.jdbcUrl(catalog), data, acks(8), Set.of()))
        .isEmpty();
  }

  /** One {@link Lake} shared by 8 threads: server catalogs commit through the connection pool. */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres", "mariadb"})
  void eightThreadsSharingOneLakeLoseNothing(String kind) throws Exception {
    createLake(kind);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long deadline = System.currentTimeMillis() + SECONDS * 1000;
    int commits = 0;
    try (Lake lake = Lake.open(catalog)) {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int w = 1; w <= 8; w++) {
        WriterWorkload workload =
            new WriterWorkload(catalog, w, 3000 + w, temp.resolve("writer-" + w + ".log"));
        runs.add(pool.submit(() -> workload.run(lake, deadline, Integer.MAX_VALUE)));
      }
      for (Future<Integer> f : runs) {
        commits += f.get(SECONDS + 120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf(
        "ConcurrentWritersIT %s: 8 threads on one Lake, %d acknowledged commits in %d s"
            + " (%.1f/s)%n",
        kind, commits, SECONDS, commits / (double) SECONDS);
    assertThat(commits).isGreaterThan(8);
    assertThat(LakeAuditor.audit(catalog, TestCatalogs.jdbcUrl(catalog), data, acks(8), Set.of()))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres", "mariadb"})
  void eightProcessesLoseNothing(String kind) throws Exception {
    createLake(kind);
    List<Process> processes = new ArrayList<>();
    // eight virtual machines start in 3–5 s on two cores; one that misses the start only joins late
    long startAt = System.currentTimeMillis() + 8_000;
    for (int w = 1; w <= 8; w++) {
      processes.add(start(w, SECONDS, startAt));
    }
    for (int w = 1; w <= 8; w++) {
      Process p = processes.get(w - 1);
      assertThat(p.waitFor(SECONDS + 120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue())
          .as("writer %d: %s", w, Files.readString(temp.resolve("writer-" + w + ".err")))
          .isZero();
    }
    List<Ack> acks = acks(8);
    System.out.printf(
        "ConcurrentWritersIT %s: 8 processes (started, then released together), %d acknowledged"
            + " commits in %d s (%.1f/s)%n",
        kind, acks.size(), SECONDS, acks.size() / (double) SECONDS);
    assertThat(acks).hasSizeGreaterThan(8);
    assertThat(LakeAuditor.audit(catalog, TestCatalogs.jdbcUrl(catalog), data, acks, Set.of()))
        .isEmpty();
  }

  @Test
  void killedWriterLeavesNoPartialCommit() throws Exception {
    createLake("sqlite");
    List<Process> processes = new ArrayList<>();
    for (int w = 1; w <= 3; w++) {
      processes.add(start(w, Math.max(6, SECONDS / 2)));
    }
    Path victimLog = temp.resolve("writer-1.log");
    long until = System.currentTimeMillis() + 60_000;
    while ((!Files.exists(victimLog) || Files.readAllLines(victimLog).size() < 5)
        && System.currentTimeMillis() < until) {
      Thread.sleep(20);
    }
    processes.get(0).destroyForcibly().waitFor();
    for (Process p : processes.subList(1, 3)) {
      assertThat(p.waitFor(SECONDS + 120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes())).isZero();
    }
    assertThat(LakeAuditor.audit(catalog, TestCatalogs.jdbcUrl(catalog), data, acks(3), Set.of(1)))
        .isEmpty();
  }

  private Process start(int writer, long seconds) throws Exception {
    return start(writer, seconds, 0);
  }

  /** A writer process; {@code startAt} > 0 releases it at that time, after its JVM started. */
  private Process start(int writer, long seconds, long startAt) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            WriterWorkload.class.getName(),
            catalog,
            Integer.toString(writer),
            Long.toString(2000 + writer),
            temp.resolve("writer-" + writer + ".log").toString(),
            Long.toString(seconds),
            Integer.toString(Integer.MAX_VALUE));
    if (startAt > 0) {
      cmd = new ArrayList<>(cmd);
      cmd.add(Long.toString(startAt));
    }
    return new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(temp.resolve("writer-" + writer + ".err").toFile())
        .start();
  }

  private List<Ack> acks(int writers) throws Exception {
    return Ack.readLogs(temp, writers);
  }
}
