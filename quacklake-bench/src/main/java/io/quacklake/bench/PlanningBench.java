package io.quacklake.bench;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.PlannedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload 5: time to plan a point filter and a full scan of a table with 100,000 files and 10,000
 * snapshots, in a SQLite and a PostgreSQL catalog. DuckDB has no equivalent step here (its ducklake
 * extension cannot be loaded), so these are absolute times, not ratios.
 */
final class PlanningBench {
  private PlanningBench() {}

  static List<Result> run(Path dir, int scale, int iterations) throws Exception {
    int snapshots = 10_000 * scale;
    List<Result> out = new ArrayList<>();
    String sqlite = "sqlite:" + dir.resolve("planning.sqlite");
    out.addAll(measure("sqlite", sqlite, "jdbc:" + sqlite, dir, snapshots, scale, iterations));
    PostgresDatabase pg =
        PostgresDatabase.recreate("quacklake_bench_planning", "planning").orElse(null);
    if (pg != null) {
      out.addAll(
          measure("postgres", pg.catalog(), pg.jdbcUrl(), dir, snapshots, scale, iterations));
    }
    return out;
  }

  private static List<Result> measure(
      String kind,
      String catalog,
      String jdbcUrl,
      Path dir,
      int snapshots,
      int scale,
      int iterations)
      throws Exception {
    long t = System.nanoTime();
    Path data = Files.createDirectories(dir.resolve("planning-data-" + kind));
    PlanningLake.build(catalog, jdbcUrl, data.toString(), snapshots, 10);
    System.err.printf(
        "planning lake on %s: %d files in %d snapshots built in %.1f s%n",
        kind, snapshots * 10L, snapshots, (System.nanoTime() - t) / 1e9);
    long files = snapshots * 10L;
    long target = files / 2 * PlanningLake.ROWS_PER_FILE + 17;
    List<Result> out = new ArrayList<>();
    try (Lake lake = Lake.open(catalog, LakeOptions.dataPath(data.toString()))) {
      int[] n = new int[1];
      Timing point =
          Timing.of(
              2,
              iterations,
              () ->
                  n[0] =
                      lake.table(PlanningLake.TABLE)
                          .scan()
                          .filter("id = " + target)
                          .planFiles()
                          .size());
      check(n[0], 1, "point filter");
      out.add(new Result("plan point filter, " + kind, scale, point, null, files, 0));
      Timing full =
          Timing.of(
              1,
              iterations,
              () -> {
                List<PlannedFile> all = lake.table(PlanningLake.TABLE).scan().planFiles();
                n[0] = all.size();
              });
      check(n[0], files, "full scan");
      out.add(new Result("plan full scan, " + kind, scale, full, null, files, 0));
    }
    return out;
  }

  private static void check(long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + " planned " + actual + " files, expected " + expected);
    }
  }
}
