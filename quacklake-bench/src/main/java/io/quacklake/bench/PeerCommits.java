package io.quacklake.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commits of workload 6 in DuckDB's own DuckLake: the peer CLI runs, in one process, one-row
 * {@code INSERT}s (inlined, as DuckDB's default limit of 10 rows inlines them) and 10,000-row
 * {@code INSERT}s (a Parquet file each) into a DuckLake table, each statement a commit, timed by
 * the CLI's {@code .timer} (wall time per statement). On a DuckDB-file catalog beside Quacklake's
 * SQLite one (the peer has no SQLite), and on a PostgreSQL catalog beside Quacklake's.
 */
final class PeerCommits {
  private static final Pattern RUN_TIME = Pattern.compile("Run Time \\(s\\): real ([0-9.]+)");

  private PeerCommits() {}

  /**
   * Samples both commit sizes, or nothing when the peer is absent.
   *
   * @param catalog {@code ducklake:} catalog text the peer attaches (a DuckDB file or postgres:)
   * @param rows a Parquet file of the 10,000 rows Quacklake committed
   */
  static Optional<Latencies> measure(Path dir, String catalog, Path rows, int scale)
      throws IOException, InterruptedException {
    Optional<Path> peer = DuckDbCompaction.peer();
    if (peer.isEmpty()) {
      System.err.println("commits: DuckDB peer not found; its DuckLake columns are skipped");
      return Optional.empty();
    }
    Files.createDirectories(dir);
    int oneWarm = CommitLatency.ONE_ROW_WARMUPS;
    int one = CommitLatency.ONE_ROW_SAMPLES * scale;
    int largeWarm = CommitLatency.LARGE_WARMUPS;
    int large = CommitLatency.LARGE_SAMPLES * scale;
    StringBuilder sql = new StringBuilder();
    if (catalog.startsWith("postgres:")) {
      sql.append("LOAD '")
          .append(peer.get().resolveSibling("postgres_scanner.duckdb_extension"))
          .append("';\n");
    }
    sql.append("ATTACH 'ducklake:")
        .append(catalog)
        .append("' AS l (DATA_PATH '")
        .append(dir.resolve("data"))
        .append("/', DUCKLAKE_VERSION '1.0');\n")
        .append("CREATE TEMP TABLE src AS SELECT * FROM read_parquet('")
        .append(rows)
        .append("');\n")
        .append("CREATE TEMP TABLE one AS SELECT * FROM src LIMIT 1;\n")
        .append("CREATE TABLE l.events AS SELECT * FROM src LIMIT 0;\n")
        .append(".timer on\n");
    for (int i = 0; i < oneWarm + one; i++) {
      sql.append("INSERT INTO l.events SELECT * FROM one;\n");
    }
    for (int i = 0; i < largeWarm + large; i++) {
      sql.append("INSERT INTO l.events SELECT * FROM src;\n");
    }
    Path script = dir.resolve("commits.sql");
    Files.writeString(script, sql);
    Process p =
        new ProcessBuilder(peer.get().toString(), "-unsigned", "-batch", "-bail")
            .redirectInput(script.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("commits: the DuckDB peer failed:\n" + out);
    }
    List<Double> times = new ArrayList<>();
    Matcher m = RUN_TIME.matcher(out);
    while (m.find()) {
      times.add(Double.parseDouble(m.group(1)));
    }
    if (times.size() != oneWarm + one + largeWarm + large) {
      throw new IllegalStateException(
          "commits: expected " + (oneWarm + one + largeWarm + large) + " timings:\n" + out);
    }
    return Optional.of(
        new Latencies(
            new Timing(List.copyOf(times.subList(oneWarm, oneWarm + one))),
            new Timing(List.copyOf(times.subList(oneWarm + one + largeWarm, times.size())))));
  }
}
