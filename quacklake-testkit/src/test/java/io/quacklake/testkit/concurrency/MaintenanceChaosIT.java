package io.quacklake.testkit.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writers append, delete and update while {@code checkpoint} (flush, expire, merge, rewrite,
 * cleanup, orphans) runs in a loop next to them, with short grace periods so that every step really
 * acts; one writer and the first maintenance process are killed with SIGKILL mid-run. Afterwards
 * every acknowledged commit's rows are present exactly once with their last payload, no referenced
 * file is missing, and after a final cleanup no unreferenced file remains. Duration per kind:
 * {@code -Dquacklake.soak.seconds} (default 12).
 */
class MaintenanceChaosIT {
  private static final long SECONDS = Long.getLong("quacklake.soak.seconds", 8);
  private static final int WRITERS = 3;

  @TempDir Path temp;
  private String catalog;
  private Path data;

  private void createLake(String kind) {
    catalog = TestCatalogs.location(kind, temp);
    data = temp.resolve("data");
    try (Lake lake = Lake.create(catalog, data.toString())) {
      lake.setOption("delete_older_than", "4 seconds");
      lake.setOption("expire_older_than", "3 seconds");
      lake.setOption("rewrite_delete_threshold", "0.2");
      lake.createTable(
          WriterWorkload.TABLE,
          List.of(
              LakeColumn.of(0, "id", LakeType.of(TypeId.INT64)),
              LakeColumn.of(0, "writer", LakeType.of(TypeId.INT32)),
              LakeColumn.of(0, "payload", LakeType.of(TypeId.VARCHAR))));
    }
  }

  /** The catalog kinds, or those listed in {@code -Dquacklake.chaos.kinds} (comma-separated). */
  static Stream<String> kinds() {
    return Arrays.stream(
        System.getProperty("quacklake.chaos.kinds", "sqlite,postgres,mariadb,objectstore")
            .split(","));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void writerProcessesAndACheckpointLoopLoseNothing(String kind) throws Exception {
    createLake(kind);
    long startAt = System.currentTimeMillis() + 8_000;
    List<Process> writers = new ArrayList<>();
    for (int w = 1; w <= WRITERS; w++) {
      writers.add(start(WriterWorkload.class.getName(), writerArgs(w, startAt), "writer-" + w));
    }
    Process firstCheckpoint =
        start(
            CheckpointLoop.class.getName(), List.of(catalog, Long.toString(SECONDS + 120)), "cp-1");
    Path victimLog = temp.resolve("writer-1.log");
    long until = System.currentTimeMillis() + (SECONDS + 60) * 1000;
    while ((!Files.exists(victimLog) || Files.readAllLines(victimLog).size() < 5)
        && System.currentTimeMillis() < until) {
      Thread.sleep(20);
    }
    writers.get(0).destroyForcibly().waitFor();
    long writersEnd = startAt + SECONDS * 1000;
    Thread.sleep(Math.max(0, startAt + SECONDS * 400 - System.currentTimeMillis()));
    firstCheckpoint.destroyForcibly().waitFor();
    // past the writers' end by a few seconds: under contention (the object-store catalog's
    // single version chain above all) a loop may otherwise lose every race and merge nothing
    long left = Math.max(2, (writersEnd - System.currentTimeMillis()) / 1000) + 4;
    Process secondCheckpoint =
        start(CheckpointLoop.class.getName(), List.of(catalog, Long.toString(left)), "cp-2");
    for (int w = 2; w <= WRITERS; w++) {
      expectClean(writers.get(w - 1), "writer-" + w);
    }
    expectClean(secondCheckpoint, "cp-2");
    String first = lastLine(temp.resolve("cp-1.out"));
    String second = lastLine(temp.resolve("cp-2.out"));
    System.out.println(
        "MaintenanceChaosIT "
            + kind
            + ": "
            + acks().size()
            + " acknowledged commits; killed loop: "
            + first
            + "; second loop: "
            + second);
    finalCleanupAndAudit(Set.of(1));
    assertThat(count(first, "merged") + count(second, "merged"))
        .as("files merged by the checkpoint loops")
        .isPositive();
  }

  /** A DuckDB file is open in one process at a time: writers and the loop are threads. */
  @Test
  void writerThreadsAndACheckpointLoopOnADuckDbFileLoseNothing() throws Exception {
    createLake(System.getProperty("quacklake.chaos.threads", "duckdb"));
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    long deadline = System.currentTimeMillis() + SECONDS * 1000;
    List<Future<?>> runs = new ArrayList<>();
    CheckpointLoop loop = new CheckpointLoop();
    try (Lake lake = Lake.open(catalog)) {
      for (int w = 1; w <= WRITERS; w++) {
        WriterWorkload workload =
            new WriterWorkload(catalog, w, 3000 + w, temp.resolve("writer-" + w + ".log"), true);
        runs.add(pool.submit(() -> workload.run(lake, deadline, Integer.MAX_VALUE)));
      }
      runs.add(pool.submit(() -> loop.run(lake, deadline)));
      for (Future<?> f : runs) {
        f.get(SECONDS + 120, TimeUnit.SECONDS);
      }
      System.out.println("MaintenanceChaosIT threads: " + loop.summary());
    } finally {
      pool.shutdown();
    }
    finalCleanupAndAudit(Set.of());
    assertThat(loop.summary()).as("the checkpoint loop acted").doesNotContain("merged 0 ");
  }

  private static String lastLine(Path file) throws java.io.IOException {
    List<String> lines = Files.readAllLines(file);
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
  }

  /** The number after {@code word} in a loop summary, 0 when absent. */
  private static long count(String summary, String word) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(word + " (\\d+)").matcher(summary);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private void finalCleanupAndAudit(Set<Integer> killed) throws Exception {
    assertThat(acks()).as("acknowledged commits").hasSizeGreaterThan(20);
    String jdbcUrl;
    try (Lake lake = Lake.open(catalog, LakeOptions.dataPath(data.toString()))) {
      lake.maintenance().checkpoint();
      lake.maintenance().cleanupOldFiles(true, false);
      lake.maintenance().deleteOrphanedFiles(Instant.now().plusSeconds(1), false);
      if (catalog.startsWith("file:")) {
        Path export = temp.resolve("export.sqlite");
        lake.catalogVersions().export(export);
        jdbcUrl = "jdbc:sqlite:" + export;
      } else {
        jdbcUrl = TestCatalogs.jdbcUrl(catalog);
      }
    }
    assertThat(LakeAuditor.auditMaintained(catalog, jdbcUrl, data, acks(), killed)).isEmpty();
  }

  private void expectClean(Process p, String name) throws Exception {
    assertThat(p.waitFor(SECONDS + 180, TimeUnit.SECONDS)).as(name + " finished").isTrue();
    assertThat(p.exitValue())
        .as("%s: %s", name, Files.readString(temp.resolve(name + ".err")))
        .isZero();
  }

  private List<String> writerArgs(int writer, long startAt) {
    return List.of(
        catalog,
        Integer.toString(writer),
        Long.toString(4000 + writer),
        temp.resolve("writer-" + writer + ".log").toString(),
        Long.toString(SECONDS),
        Integer.toString(Integer.MAX_VALUE),
        Long.toString(startAt));
  }

  private Process start(String main, List<String> args, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Dquacklake.workload.updates=true",
                "-cp",
                System.getProperty("java.class.path"),
                main));
    cmd.addAll(args);
    return new ProcessBuilder(cmd)
        .redirectOutput(temp.resolve(name + ".out").toFile())
        .redirectError(temp.resolve(name + ".err").toFile())
        .start();
  }

  private List<Ack> acks() throws Exception {
    return Ack.readLogs(temp, WRITERS);
  }
}
