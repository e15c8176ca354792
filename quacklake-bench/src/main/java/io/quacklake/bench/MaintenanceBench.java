package io.quacklake.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The maintenance workload: many small appends, then a checkpoint (scan time, file count, bytes on
 * storage and in the catalog before and after), in Quacklake and in DuckDB's own DuckLake (the peer
 * CLI, skipped loudly when absent); then how an object-store catalog grows under small commits and
 * what expiry and its garbage collection give back.
 */
final class MaintenanceBench {
  private MaintenanceBench() {}

  static Section run(Path dir, int scale, int iterations) throws Exception {
    Compaction q =
        QuacklakeCompaction.measure(
            Files.createDirectories(dir.resolve("maintenance-quacklake")), iterations);
    Optional<Path> peer = DuckDbCompaction.peer();
    Compaction d = null;
    if (peer.isEmpty()) {
      System.err.println(
          "maintenance: DuckDB peer not found ($QUACKLAKE_DUCKDB or ../shared/peer/duckdb);"
              + " skipping DuckDB's side");
    } else {
      d =
          DuckDbCompaction.measure(
              peer.get(), Files.createDirectories(dir.resolve("maintenance-duckdb")), iterations);
    }
    CatalogGrowth.Run growth = CatalogGrowth.run(dir.resolve("maintenance-catalog"), scale);
    List<Result> results = new ArrayList<>();
    long rows = (long) SmallAppends.APPENDS * SmallAppends.ROWS;
    String appends = String.format(Locale.ROOT, "%,d appends", SmallAppends.APPENDS);
    results.add(result("maintenance: " + appends, scale, q, d, rows, Compaction::appendSeconds));
    results.add(
        new Result(
            "maintenance: full scan before checkpoint",
            scale,
            q.scanBefore(),
            d == null ? null : d.scanBefore(),
            rows,
            0));
    results.add(
        result("maintenance: checkpoint", scale, q, d, rows, Compaction::checkpointSeconds));
    results.add(
        new Result(
            "maintenance: full scan after checkpoint",
            scale,
            q.scanAfter(),
            d == null ? null : d.scanAfter(),
            rows,
            0));
    String markdown =
        MaintenanceReport.compaction(q, d, peer, iterations)
            + "\n"
            + MaintenanceReport.growth(growth, scale);
    return new Section(markdown, results);
  }

  private static Result result(
      String name,
      int scale,
      Compaction q,
      Compaction d,
      long rows,
      ToDoubleFunction<Compaction> seconds) {
    return new Result(
        name,
        scale,
        new Timing(List.of(seconds.applyAsDouble(q))),
        d == null ? null : new Timing(List.of(seconds.applyAsDouble(d))),
        rows,
        0);
  }
}
