package io.quacklake.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The maintenance workload's tables and their explanation, as Markdown. */
final class MaintenanceReport {
  private MaintenanceReport() {}

  static String compaction(Compaction q, Compaction d, Optional<Path> peer, int iterations) {
    StringBuilder t = new StringBuilder();
    String appends = String.format(Locale.ROOT, "%,d", SmallAppends.APPENDS);
    t.append("## Maintenance: ")
        .append(appends)
        .append(" appends of ")
        .append(SmallAppends.ROWS)
        .append(" rows, then a checkpoint\n\n");
    if (d == null) {
      t.append("**DuckDB peer not found ($QUACKLAKE_DUCKDB or ../shared/peer/duckdb): its")
          .append(" column is empty.**\n\n");
    }
    t.append("| measure | Quacklake | DuckDB | ratio DuckDB/Quacklake |\n|---|---|---|---|\n");
    seconds(t, appends + " appends, one commit each, s (total)", q, d, Compaction::appendSeconds);
    count(t, "data files before the checkpoint", q, d, Compaction::filesBefore);
    seconds(t, "full scan before, s (median)", q, d, c -> c.scanBefore().median());
    seconds(t, "checkpoint, s", q, d, Compaction::checkpointSeconds);
    count(t, "data files after the checkpoint", q, d, Compaction::filesAfter);
    seconds(t, "full scan after, s (median)", q, d, c -> c.scanAfter().median());
    number(t, "scan speed-up (before / after)", q, d, Compaction::scanSpeedUp, "%.1f×");
    number(
        t,
        "checkpoint throughput, MB/s of source files",
        q,
        d,
        Compaction::megabytesPerSecond,
        "%.2f");
    kib(t, "data directory after the appends", q, d, Compaction::dataAppended);
    kib(t, "data directory after the checkpoint", q, d, Compaction::dataCheckpointed);
    kib(t, "data directory after expiry and cleanup", q, d, Compaction::dataCleaned);
    kib(t, "catalog file after the appends", q, d, Compaction::catalogBefore);
    kib(t, "catalog file after expiry and cleanup", q, d, Compaction::catalogAfter);
    return t
        + "\nBoth lakes hold one table ("
        + SmallAppends.DDL
        + ") and take "
        + appends
        + " appends of "
        + SmallAppends.ROWS
        + " rows, one commit each, with default options: the inlining limit stays at 10 rows, so"
        + " every append writes a Parquet file. Quacklake: the embedded default (SQLite catalog,"
        + " local files), Arrow batches through `Transaction.append`, then on the reopened lake"
        + " `maintenance().checkpoint()`, `expireSnapshots(now)` and `cleanupOldFiles(all)`."
        + " DuckDB: the peer CLI"
        + peer.map(p -> " (`" + p + "`)").orElse("")
        + " on a DuckLake 1.0 lake with a DuckDB-file catalog: the `INSERT`s in one process,"
        + " scans and `CHECKPOINT l` in a second, `ducklake_expire_snapshots(older_than =>"
        + " now())` and `ducklake_cleanup_old_files(cleanup_all => true)` in a third; its times"
        + " are its own `.timer on` wall times per statement (millisecond resolution; process"
        + " start and `ATTACH` not counted; the appends are the sum over the `INSERT`s). A full"
        + " scan sums every id (Quacklake: `scan().select(\"id\").arrow()`, DuckDB: `SELECT"
        + " sum(id)`), checked against the expected sum; median of "
        + iterations
        + " after one warm-up. A checkpoint is every maintenance step with the lake's options:"
        + " here it merges the files (nothing is inlined, no expiry option, the retired files"
        + " are younger than `delete_older_than`, so they stay until the explicit cleanup);"
        + " throughput is the data directory after the appends / checkpoint time. Catalog file"
        + " sizes include a write-ahead log, if any.\n";
  }

  static String growth(CatalogGrowth.Run run, int scale) {
    StringBuilder t = new StringBuilder("## Maintenance: object-store catalog growth\n\n");
    t.append("| point | catalog directory KiB | SQLite image KiB | written per commit KiB |")
        .append(" downloaded per commit by a reader one behind, KiB | commit ms (mean) |\n")
        .append("|---|---|---|---|---|---|\n");
    for (CatalogGrowth.Point p : run.points()) {
      CatalogGrowth.Window w = p.window();
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.1f | %,.1f | %s | %s | %s |%n",
              p.label(),
              p.directoryBytes() / 1024.0,
              p.imageBytes() / 1024.0,
              w == null ? "–" : String.format(Locale.ROOT, "%.1f", w.writtenPerCommit() / 1024.0),
              w == null ? "–" : String.format(Locale.ROOT, "%.1f", w.readerPerCommit() / 1024.0),
              w == null ? "–" : String.format(Locale.ROOT, "%.1f", w.commitMillis())));
    }
    return t
        + String.format(
            Locale.ROOT,
            "%nA `file://` catalog (manifests and 256 KiB content-addressed blocks in a local"
                + " directory), one table, each commit one inlined row. The per-commit columns are"
                + " means over the last %d commits before the point: written = growth of the"
                + " catalog directory (new blocks and the manifest) / %d; downloaded = for each"
                + " commit, the blocks of the new version that the previous version does not list"
                + " plus the new manifest (what a reader holding the previous version fetches to"
                + " catch up; listing the versions is not counted). Then"
                + " `expireSnapshots(now)` expired %,d snapshots in %.2f s (it compacts the image"
                + " with VACUUM and publishes that as a version) and"
                + " `catalogVersions().collectGarbage(0, 0, now)` deleted %,d versions and %,d"
                + " blocks (%,.1f KiB) in %.2f s (versions left: %,d; blocks left: %,d). Marks: %s"
                + " (`--scale %d`).%n",
            CatalogGrowth.WINDOW,
            CatalogGrowth.WINDOW,
            run.expired(),
            run.expireSeconds(),
            run.garbage().versionsDeleted(),
            run.garbage().blocksDeleted(),
            run.garbage().bytesFreed() / 1024.0,
            run.garbageSeconds(),
            run.garbage().versionsKept(),
            run.garbage().blocksKept(),
            CatalogGrowth.marks(scale),
            scale);
  }

  private static void seconds(
      StringBuilder t, String name, Compaction q, Compaction d, ToDoubleFunction<Compaction> f) {
    double qs = f.applyAsDouble(q);
    t.append(String.format(Locale.ROOT, "| %s | %.4f | ", name, qs));
    if (d == null) {
      t.append("– | – |\n");
    } else {
      double ds = f.applyAsDouble(d);
      t.append(String.format(Locale.ROOT, "%.4f | %.2f |%n", ds, ds / qs));
    }
  }

  private static void number(
      StringBuilder t,
      String name,
      Compaction q,
      Compaction d,
      ToDoubleFunction<Compaction> f,
      String format) {
    t.append("| ")
        .append(name)
        .append(" | ")
        .append(String.format(Locale.ROOT, format, f.applyAsDouble(q)))
        .append(" | ")
        .append(d == null ? "–" : String.format(Locale.ROOT, format, f.applyAsDouble(d)))
        .append(" | – |\n");
  }

  private static void count(
      StringBuilder t, String name, Compaction q, Compaction d, ToDoubleFunction<Compaction> f) {
    number(t, name, q, d, f, "%,.0f");
  }

  private static void kib(
      StringBuilder t, String name, Compaction q, Compaction d, ToDoubleFunction<Compaction> f) {
    number(t, name + ", KiB", q, d, c -> f.applyAsDouble(c) / 1024.0, "%,.1f");
  }
}
