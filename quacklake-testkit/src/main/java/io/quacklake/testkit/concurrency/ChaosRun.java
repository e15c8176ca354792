package io.quacklake.testkit.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One chaos run against an object-store catalog: {@link ChaosWriter} processes (each standing for a
 * serverless function) with a faulty store, one of them killed with SIGKILL once it has committed a
 * few times, then the audits: {@link VersionAuditor} on the versions and blocks, {@link
 * LakeAuditor} on commits, snapshots and rows.
 */
public final class ChaosRun {
  private final String catalog;
  private final Path logs;
  private final Map<String, String> environment;

  /**
   * @param logs a directory for the writers' logs
   * @param environment extra environment for the writer processes (store settings)
   */
  public ChaosRun(String catalog, Path logs, Map<String, String> environment) {
    this.catalog = catalog;
    this.logs = logs;
    this.environment = environment;
  }

  /**
   * Runs {@code writers} processes for {@code seconds}, kills writer 1 mid-run, and returns the
   * number of acknowledged commits. Prints each surviving writer's summary.
   */
  public int run(int writers, long seconds, double faultRate) throws Exception {
    List<Process> processes = new ArrayList<>();
    for (int w = 1; w <= writers; w++) {
      processes.add(start(w, seconds, faultRate));
    }
    Path victimLog = log(1);
    long until = System.currentTimeMillis() + seconds * 1000;
    while ((!Files.exists(victimLog) || Files.readAllLines(victimLog).size() < 3)
        && System.currentTimeMillis() < until) {
      Thread.sleep(20);
    }
    processes.get(0).destroyForcibly().waitFor();
    for (Process p : processes.subList(1, writers)) {
      assertThat(p.waitFor(seconds + 300, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes())).isZero();
      System.out.println("chaos writer: " + new String(p.getInputStream().readAllBytes()).trim());
    }
    return acks(writers).size();
  }

  /** Both audits; {@code dataDir} may be null for data in an object store. */
  public void audit(int writers, Set<Integer> killed, Path dataDir, LakeOptions options)
      throws Exception {
    Path export = logs.resolve("export-" + System.nanoTime() + ".sqlite");
    try (Lake lake = Lake.open(catalog, options)) {
      assertThat(VersionAuditor.audit(lake)).isEmpty();
      lake.catalogVersions().export(export);
    }
    assertThat(
            LakeAuditor.audit(
                catalog,
                "jdbc:sqlite:" + export,
                dataDir,
                acks(writers),
                killed,
                2 * lost(writers)))
        .isEmpty();
  }

  public Path log(int writer) {
    return logs.resolve("writer-" + writer + ".log");
  }

  /** The acknowledged commits in the writers' logs. */
  public List<Ack> acks(int writers) throws Exception {
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

  /**
   * Checks that the run made progress: at least as many acknowledged commits as surviving writers.
   * Not per writer — under optimistic concurrency one writer can lose every race for a whole run
   * (seen: a writer with 0 commits and only conflicts) — and not a rate: eight cold JVMs on two
   * cores commit at anything from 0.4 to 8 per second.
   */
  public void assertProgress(int writers, Set<Integer> killed) throws Exception {
    assertThat(acks(writers))
        .as("acknowledged commits")
        .hasSizeGreaterThanOrEqualTo(writers - killed.size());
  }

  /** Commits whose outcome was unknown and that did not land. */
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
    ProcessBuilder pb =
        new ProcessBuilder(
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
            Double.toString(faultRate));
    pb.environment().putAll(environment);
    return pb.start();
  }
}
