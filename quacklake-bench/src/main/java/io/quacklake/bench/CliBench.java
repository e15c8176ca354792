package io.quacklake.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./bench --only cli}: the command line as a user runs it, each step a whole process timed
 * from start to exit — the {@code ./quacklake} launcher on a SQLite lake against the DuckDB peer's
 * CLI on a DuckLake in a DuckDB file, same input, same machine, same run. Steps: load a Parquet
 * file of 3M rows × 6 columns (per scale) into an existing empty table, scan the table to a Parquet
 * file, and a 0.03 % selective scan (an id range) to CSV. Every command runs in the same working
 * directory with absolute paths, as a user in one folder does: the launcher's warm process (one per
 * working directory) serves them after the untimed round; {@code QUACKLAKE_WARM=off} in the
 * environment measures a process per command.
 */
final class CliBench {
  private static final long ROWS_PER_SCALE = 3_000_000L;

  private CliBench() {}

  static Section run(Path dir, int scale, int iterations) throws Exception {
    Optional<Path> peer = DuckDbCompaction.peer();
    Path launcher = Path.of("quacklake").toAbsolutePath();
    if (peer.isEmpty()) {
      System.err.println(
          "cli: DuckDB peer not found ($QUACKLAKE_DUCKDB or ../shared/peer/duckdb); skipping");
      return new Section("## CLI end to end\n\nSkipped: no DuckDB peer CLI.\n", List.of());
    }
    long rows = ROWS_PER_SCALE * scale;
    Path input = dir.resolve("cli-input.parquet");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement()) {
      s.execute(
          "COPY (SELECT i AS id, i % 1000 AS customer, 'kind' || (i % 7) AS kind,"
              + " (i * 0.37)::DOUBLE AS amount, TIMESTAMP '2024-01-01' + INTERVAL (i) SECOND AS ts,"
              + " md5(i::VARCHAR) AS note FROM range("
              + rows
              + ") r(i)) TO '"
              + input
              + "'");
    }
    long lo = rows / 2;
    String where = "id BETWEEN " + lo + " AND " + (lo + rows * 3 / 10_000 - 1);
    String schema =
        "id BIGINT, customer BIGINT, kind VARCHAR, amount DOUBLE, ts TIMESTAMP, note VARCHAR";
    List<Double> qLoad = new ArrayList<>();
    List<Double> qScan = new ArrayList<>();
    List<Double> qSelect = new ArrayList<>();
    List<Double> dLoad = new ArrayList<>();
    List<Double> dScan = new ArrayList<>();
    List<Double> dSelect = new ArrayList<>();
    // one untimed round first: builds the jar and its class-data archive, warms the page cache
    for (int i = -1; i < iterations; i++) {
      Path q = Files.createDirectories(dir.resolve("cli-q" + i));
      String catalog = q.resolve("lake.sqlite").toString();
      List<String> base = List.of(launcher.toString(), "--quiet", "--catalog", catalog);
      run(dir, cat(base, "--data-path", q.resolve("data") + "/", "init"));
      run(dir, cat(base, "create-table", "ev", "--schema", schema));
      double load = run(dir, cat(base, "append", "ev", input.toString()));
      double scan =
          run(
              dir,
              cat(
                  base,
                  "scan",
                  "ev",
                  "--format",
                  "parquet",
                  "--output",
                  q.resolve("out.parquet").toString()));
      double select =
          run(
              dir,
              cat(
                  base,
                  "scan",
                  "ev",
                  "--where",
                  where,
                  "--format",
                  "csv",
                  "--output",
                  q.resolve("sel.csv").toString()));
      Path d = Files.createDirectories(dir.resolve("cli-d" + i));
      String attach =
          "ATTACH 'ducklake:"
              + d.resolve("lake.ducklake")
              + "' AS l (DATA_PATH '"
              + d
              + "/data/');";
      String peerPath = peer.get().toString();
      run(d, List.of(peerPath, "-c", attach + " CREATE TABLE l.ev(" + schema + ");"));
      double dl =
          run(d, List.of(peerPath, "-c", attach + " INSERT INTO l.ev FROM '" + input + "';"));
      double ds =
          run(
              d,
              List.of(
                  peerPath,
                  "-c",
                  attach + " COPY (FROM l.ev) TO '" + d.resolve("out.parquet") + "';"));
      double dsel =
          run(
              d,
              List.of(
                  peerPath,
                  "-c",
                  attach
                      + " COPY (FROM l.ev WHERE "
                      + where
                      + ") TO '"
                      + d.resolve("sel.csv")
                      + "' (HEADER);"));
      if (i >= 0) {
        qLoad.add(load);
        qScan.add(scan);
        qSelect.add(select);
        dLoad.add(dl);
        dScan.add(ds);
        dSelect.add(dsel);
      }
      long ours = Files.lines(q.resolve("sel.csv")).count();
      long theirs = Files.lines(d.resolve("sel.csv")).count();
      if (ours != theirs) {
        throw new IllegalStateException(
            "cli: the selective scans differ: " + ours + " lines here, " + theirs + " in DuckDB");
      }
    }
    List<Result> results =
        List.of(
            new Result(
                "cli: load Parquet into a table",
                scale,
                new Timing(qLoad),
                new Timing(dLoad),
                rows,
                0),
            new Result(
                "cli: scan to Parquet", scale, new Timing(qScan), new Timing(dScan), rows, 0),
            new Result(
                "cli: selective scan (0.03 %) to CSV",
                scale, new Timing(qSelect), new Timing(dSelect), rows, 0));
    StringBuilder md = new StringBuilder("## CLI end to end\n\n");
    md.append(
            String.format(
                Locale.ROOT,
                "Whole processes, as a user runs them (`./bench --only cli --scale %d"
                    + " --iterations %d`): `./quacklake` on a SQLite lake against the DuckDB"
                    + " peer's CLI (`%s`) on a DuckLake in a DuckDB file; %,d rows × 6 columns"
                    + " (%,d bytes of Parquet input); median of %d runs after an untimed one;"
                    + " the launcher's warm process %s. Ratio = DuckDB / Quacklake.\n\n",
                scale,
                iterations,
                peer.get(),
                rows,
                Files.size(input),
                iterations,
                "off".equals(System.getenv("QUACKLAKE_WARM"))
                    ? "off (`QUACKLAKE_WARM=off`: a process per command)"
                    : "on (the default)"))
        .append("| step | Quacklake s | DuckDB s | ratio |\n|---|---:|---:|---:|\n");
    for (Result r : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.2f | %.2f |\n",
              r.workload().substring("cli: ".length()),
              r.quacklake().median(),
              r.duckdb().median(),
              r.ratio()));
    }
    return new Section(md.toString(), results);
  }

  private static List<String> cat(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }

  /** Runs a command to its end; its wall time in seconds. */
  private static double run(Path dir, List<String> command)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("cli: " + command + " exited with " + exit + ":\n" + out);
    }
    return seconds;
  }
}
