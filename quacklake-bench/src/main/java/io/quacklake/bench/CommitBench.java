package io.quacklake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Workload 6, commits: per-commit latency (one row, 10,000 rows) beside DuckDB's own DuckLake
 * commits (the peer CLI, {@link PeerCommits}), and commits per second with 1, 2, 4 and 8 writers,
 * on a SQLite and a PostgreSQL catalog (PostgreSQL is skipped loudly when the server cannot be
 * reached).
 */
final class CommitBench {
  private static final List<String> CATALOGS = List.of("sqlite", "postgres");
  private static final int[] WRITERS = {1, 2, 4, 8};
  private static final Duration DURATION = Duration.ofSeconds(5);

  private CommitBench() {}

  /**
   * DuckDB's DuckLake commits on the catalog beside Quacklake's: a DuckDB file beside SQLite (the
   * peer has no SQLite), PostgreSQL beside PostgreSQL; empty when the peer or the database is
   * missing.
   */
  private static Optional<Latencies> peerCommits(Path dir, String kind, Path rows, int scale)
      throws Exception {
    Path peerDir = dir.resolve("peer-commits-" + kind);
    if (kind.equals("postgres")) {
      Optional<PostgresDatabase> pg =
          PostgresDatabase.recreate("quacklake_bench_peer_commits", "DuckDB's commits");
      if (pg.isEmpty()) {
        return Optional.empty();
      }
      return PeerCommits.measure(peerDir, pg.get().catalog(), rows, scale);
    }
    return PeerCommits.measure(peerDir, peerDir.resolve("lake.ducklake").toString(), rows, scale);
  }

  static Section run(Path dir, int scale) throws Exception {
    List<Result> results = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    StringBuilder latency = new StringBuilder();
    StringBuilder throughput = new StringBuilder();
    for (String kind : CATALOGS) {
      Optional<String> catalog = catalog(dir, kind, "latency");
      if (catalog.isEmpty()) {
        skipped.add(kind);
        continue;
      }
      Path data = dir.resolve("commits-data-" + kind + "-latency");
      Latencies q = CommitLatency.measure(catalog.get(), data, scale);
      Latencies duck = peerCommits(dir, kind, anyFile(data), scale).orElse(null);
      latencyRow(
          latency,
          results,
          scale,
          "1 row (inlined)",
          kind,
          1,
          q.oneRow(),
          duck == null ? null : duck.oneRow());
      latencyRow(
          latency,
          results,
          scale,
          "10,000 rows (Parquet file)",
          kind,
          CommitLatency.LARGE,
          q.tenThousandRows(),
          duck == null ? null : duck.tenThousandRows());
      for (int writers : WRITERS) {
        String label = writers + "w";
        WriterThroughput.Point p =
            WriterThroughput.run(
                catalog(dir, kind, label).orElseThrow(),
                dir.resolve("commits-data-" + kind + "-" + label),
                writers,
                DURATION);
        System.err.printf(
            Locale.ROOT,
            "commits on %s, %d writers: %d acknowledged, %d failed, %d unknown in %.1f s%s%n",
            kind,
            writers,
            p.commits(),
            p.failed(),
            p.unknown(),
            p.seconds(),
            p.firstFailure() == null ? "" : "; first failure: " + p.firstFailure());
        throughputRow(throughput, results, scale, kind, p);
      }
    }
    return new Section(markdown(latency, throughput, skipped, scale), results);
  }

  /** A new catalog location of {@code kind} for one measurement; empty when the server is down. */
  private static Optional<String> catalog(Path dir, String kind, String label) {
    if (kind.equals("sqlite")) {
      return Optional.of("sqlite:" + dir.resolve("commits-" + label + ".sqlite"));
    }
    return PostgresDatabase.recreate("quacklake_bench_commits_" + label, "commits")
        .map(PostgresDatabase::catalog);
  }

  private static Path anyFile(Path data) throws IOException {
    try (var files = Files.walk(data)) {
      return files
          .filter(p -> p.toString().endsWith(".parquet"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no Parquet file in " + data));
    }
  }

  private static void latencyRow(
      StringBuilder table,
      List<Result> results,
      int scale,
      String commit,
      String kind,
      long rows,
      Timing q,
      Timing d) {
    Result r = new Result("commit " + commit + ", " + kind, scale, q, d, rows, 0);
    results.add(r);
    table.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %d | %.2f | %.2f | %s | %s | %s |%n",
            commit,
            kind,
            q.seconds().size(),
            q.median() * 1e3,
            q.percentile(0.99) * 1e3,
            d == null ? "–" : String.format(Locale.ROOT, "%.2f", d.median() * 1e3),
            d == null ? "–" : String.format(Locale.ROOT, "%.2f", d.percentile(0.99) * 1e3),
            d == null ? "–" : String.format(Locale.ROOT, "%.2f", r.ratio())));
  }

  private static void throughputRow(
      StringBuilder table, List<Result> results, int scale, String kind, WriterThroughput.Point p) {
    results.add(
        new Result(
            "commits/s, " + p.writers() + " writers, " + kind,
            scale,
            new Timing(List.of(p.seconds() / p.commits())),
            null,
            p.commits(),
            0));
    table.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %.1f | %,d | %,d | %.1f |%n",
            kind,
            p.writers(),
            p.perSecond(),
            p.commits(),
            p.failed() + p.unknown(),
            p.seconds()));
  }

  private static String markdown(
      StringBuilder latency, StringBuilder throughput, List<String> skipped, int scale) {
    String skip =
        skipped.isEmpty()
            ? ""
            : "**Skipped: " + String.join(", ", skipped) + " (server not reachable).**\n\n";
    return "## Commit latency\n\n"
        + skip
        + "| commit | catalog | samples | Quacklake p50 ms | Quacklake p99 ms | DuckDB p50 ms |"
        + " DuckDB p99 ms | ratio p50 DuckDB/Quacklake |\n"
        + "|---|---|---|---|---|---|---|---|\n"
        + latency
        + "\nEach Quacklake sample is one transaction (`begin`, `append`, `commit`) on an open lake"
        + " appending the same pre-built batch of the events table's 8 columns: one row is inlined"
        + " into the catalog (DuckDB's default inlining limit of 10 rows), 10,000 rows become a"
        + " Parquet file plus the commit. Samples after warm-up: "
        + CommitLatency.ONE_ROW_SAMPLES * scale
        + " one-row commits (after "
        + CommitLatency.ONE_ROW_WARMUPS
        + ") and "
        + CommitLatency.LARGE_SAMPLES * scale
        + " 10,000-row commits (after "
        + CommitLatency.LARGE_WARMUPS
        + "); p99 is the nearest-rank percentile (below 100 samples: the slowest). DuckDB's"
        + " columns are real DuckLake commits by the peer CLI (`../shared/peer/duckdb`) in one"
        + " process, each statement timed by `.timer` (wall time): the same row inserted"
        + " (inlined) and the same 10,000 rows inserted (a Parquet file), into a DuckLake on a"
        + " DuckDB-file catalog beside Quacklake's SQLite rows (the peer has no SQLite) and on"
        + " PostgreSQL beside PostgreSQL; `–` when the peer is absent. In"
        + " bench-results.json these rows carry p50 as the seconds and the ratio.\n\n"
        + "## Commits per second\n\n"
        + skip
        + "| catalog | writers | commits/s | acknowledged commits | failed commits | s |\n"
        + "|---|---|---|---|---|---|\n"
        + throughput
        + "\nEach writer is a thread with its own `Lake` on the same catalog, committing"
        + " appends of "
        + WriterThroughput.ROWS_PER_COMMIT
        + " rows (inlined) into one table of a new lake for "
        + DURATION.toSeconds()
        + " s; a failed commit is one that threw after the lake's retries. Afterwards the table"
        + " held exactly acknowledged commits × "
        + WriterThroughput.ROWS_PER_COMMIT
        + " rows (checked; the run fails otherwise; a commit whose outcome is unknown counts as"
        + " failed and may or may not have landed). No DuckDB column: without the ducklake"
        + " extension DuckDB has no equivalent of several writers sharing one catalog."
        + " bench-results.json has seconds per commit (the run's seconds / acknowledged"
        + " commits).\n";
  }
}
