package io.quacklake.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results as a console table, BENCHMARKS.md and bench-results.json. */
final class Report {
  private Report() {}

  static String table(List<Result> results) {
    StringBuilder b = new StringBuilder();
    b.append("| workload | rows | Quacklake s (median, min..max) | DuckDB s (median, min..max) |")
        .append(" ratio DuckDB/Quacklake | Quacklake rows/s | Quacklake peak heap MiB |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      String duck =
          r.duckdb() == null
              ? "– | –"
              : String.format(
                  Locale.ROOT,
                  "%.3f (%.3f..%.3f) | %.2f",
                  r.duckdb().median(),
                  r.duckdb().min(),
                  r.duckdb().max(),
                  r.ratio());
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.4f (%.4f..%.4f) | %s | %,.0f | %s |%n",
              r.workload(),
              r.rows(),
              r.quacklake().median(),
              r.quacklake().min(),
              r.quacklake().max(),
              duck,
              r.rows() / r.quacklake().median(),
              r.peakMemoryBytes() == 0 ? "–" : Long.toString(r.peakMemoryBytes() >> 20)));
    }
    return b.toString();
  }

  /** The marker after which BENCHMARKS.md holds hand-written analysis that runs keep. */
  static final String ANALYSIS = "<!-- analysis: kept across runs -->";

  private static String keptAnalysis(Path md) throws IOException {
    if (!Files.exists(md)) {
      return "";
    }
    String old = Files.readString(md);
    int at = old.indexOf(ANALYSIS);
    return at < 0 ? "" : "\n" + old.substring(at);
  }

  static void print(List<Result> results, List<Section> sections) {
    if (!results.isEmpty()) {
      System.out.print(table(results));
    }
    sections.forEach(section -> System.out.print("\n" + section.markdown()));
  }

  /** Rewrites BENCHMARKS.md above the analysis marker and bench-results.json. */
  static void write(
      List<Result> results, List<Section> sections, Path md, Path json, String[] args, int threads)
      throws IOException {
    String machine =
        String.format(
            Locale.ROOT,
            "%d cores, %d MiB max heap, Java %s (%s), %s %s",
            threads,
            Runtime.getRuntime().maxMemory() >> 20,
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"),
            System.getProperty("os.name"),
            System.getProperty("os.arch"));
    String text =
        "# Benchmarks\n\n"
            + "Quacklake against DuckDB (JDBC 2.0.0.1, its built-in Parquet reader and writer,"
            + " results fetched as Arrow) in the same run, on the same generated data and files,"
            + " same thread count. Ratio = DuckDB time / Quacklake time (above 1: Quacklake is"
            + " faster). Medians of the timed iterations after one warm-up (append: no"
            + " warm-up).\n\n"
            + "Command: `./bench "
            + String.join(" ", args)
            + "`\n\nMachine: "
            + machine
            + "\n\n"
            + table(results)
            + "\nAppend compares writing a new lake table (Parquet files + a SQLite commit) with"
            + " DuckDB's `COPY ... TO parquet` of a table already in memory. Planning rows are"
            + " data files (10,000 snapshots × 10 files per scale unit, written straight into the"
            + " catalog); DuckDB cannot plan DuckLake scans here (no ducklake extension), so"
            + " those rows have no ratio.\n";
    StringBuilder all = new StringBuilder(text);
    List<Result> rows = new ArrayList<>(results);
    for (Section section : sections) {
      all.append('\n').append(section.markdown());
      rows.addAll(section.results());
    }
    Files.writeString(md, all + keptAnalysis(md));
    ObjectMapper m = new ObjectMapper();
    Files.writeString(
        json, m.writerWithDefaultPrettyPrinter().writeValueAsString(BenchMain.json(m, rows)));
  }
}
