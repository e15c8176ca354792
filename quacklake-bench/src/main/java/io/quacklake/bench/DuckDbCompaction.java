package io.quacklake.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small-append maintenance workload in DuckDB's own DuckLake (the peer CLI with the ducklake
 * extension): a DuckLake 1.0 lake on a DuckDB-file catalog, all appends as autocommitted {@code
 * INSERT}s in one process, then scans, {@code CHECKPOINT}, scans in a second process, expiry and
 * cleanup in a third. Times are DuckDB's own ({@code .timer on}: the wall time of each statement,
 * printed in milliseconds), so process start and {@code ATTACH} are not counted.
 */
final class DuckDbCompaction {
  private static final Pattern RUN_TIME = Pattern.compile("Run Time \\(s\\): real ([0-9.]+)");

  private DuckDbCompaction() {}

  /**
   * The DuckDB CLI: {@code $QUACKLAKE_DUCKDB}, else {@code ../shared/peer/duckdb}; empty if absent.
   */
  static Optional<Path> peer() {
    String env = System.getenv("QUACKLAKE_DUCKDB");
    Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("../shared/peer/duckdb");
    return Files.isExecutable(p) ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
  }

  static Compaction measure(Path duckdb, Path dir, int iterations) {
    Path catalogFile = dir.resolve("lake.ducklake");
    Path data = dir.resolve("data");
    StringBuilder append = new StringBuilder();
    append
        .append("ATTACH 'ducklake:")
        .append(catalogFile)
        .append("' AS l (DATA_PATH '")
        .append(data)
        .append("/', DUCKLAKE_VERSION '1.0');\n")
        .append("CREATE TABLE l.")
        .append(SmallAppends.TABLE)
        .append(" (")
        .append(SmallAppends.DDL)
        .append(");\n.timer on\n");
    for (int i = 0; i < SmallAppends.APPENDS; i++) {
      append.append(SmallAppends.insertSql(i)).append('\n');
    }
    List<Double> inserts = times(run(duckdb, dir, "append", append.toString()));
    if (inserts.size() != SmallAppends.APPENDS) {
      throw new IllegalStateException(
          "maintenance: DuckDB timed "
              + inserts.size()
              + " INSERTs, expected "
              + SmallAppends.APPENDS);
    }
    long dataAppended = DirectorySize.of(data);
    long catalogBefore = DirectorySize.withLog(catalogFile);

    String scan = "SELECT 'sum', sum(id) FROM l." + SmallAppends.TABLE + ";\n";
    String files =
        "SELECT 'files', count(*) FROM ducklake_list_files('l', '" + SmallAppends.TABLE + "');\n";
    String checkpoint =
        attach(catalogFile)
            + ".mode csv\n.headers off\n"
            + files
            + ".timer on\n"
            + scan.repeat(iterations + 1)
            + "CHECKPOINT l;\n"
            + scan.repeat(iterations + 1)
            + ".timer off\n"
            + files;
    String out = run(duckdb, dir, "checkpoint", checkpoint);
    List<Double> t = times(out);
    List<Long> fileCounts = values(out, "files");
    for (long sum : values(out, "sum")) {
      if (sum != SmallAppends.expectedSum()) {
        throw new IllegalStateException(
            "maintenance: DuckDB summed ids to "
                + sum
                + ", expected "
                + SmallAppends.expectedSum());
      }
    }
    if (t.size() != 2 * iterations + 3 || fileCounts.size() != 2) {
      throw new IllegalStateException("maintenance: unexpected DuckDB output:\n" + out);
    }
    long dataCheckpointed = DirectorySize.of(data);
    run(
        duckdb,
        dir,
        "cleanup",
        attach(catalogFile)
            + "CALL ducklake_expire_snapshots('l', older_than => now());\n"
            + "CALL ducklake_cleanup_old_files('l', cleanup_all => true);\n");
    return new Compaction(
        inserts.stream().mapToDouble(Double::doubleValue).sum(),
        fileCounts.get(0),
        new Timing(t.subList(1, iterations + 1)),
        t.get(iterations + 1),
        fileCounts.get(1),
        new Timing(t.subList(iterations + 3, 2 * iterations + 3)),
        dataAppended,
        dataCheckpointed,
        DirectorySize.of(data),
        catalogBefore,
        DirectorySize.withLog(catalogFile));
  }

  private static String attach(Path catalogFile) {
    return "ATTACH 'ducklake:" + catalogFile + "' AS l;\n";
  }

  /** Runs {@code script} in a new DuckDB process; returns its output. */
  private static String run(Path duckdb, Path dir, String name, String script) {
    try {
      Path file = Files.writeString(dir.resolve(name + ".sql"), script);
      Process p =
          new ProcessBuilder(duckdb.toString(), "-batch", "-bail")
              .redirectInput(file.toFile())
              .redirectErrorStream(true)
              .start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int exit = p.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "maintenance: DuckDB script " + file + " exited with " + exit + ":\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while DuckDB ran " + name, e);
    }
  }

  private static List<Double> times(String out) {
    List<Double> t = new ArrayList<>();
    Matcher m = RUN_TIME.matcher(out);
    while (m.find()) {
      t.add(Double.parseDouble(m.group(1)));
    }
    return t;
  }

  /** The numbers of the CSV lines {@code key,N}. */
  private static List<Long> values(String out, String key) {
    List<Long> v = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith(key + ",")) {
        v.add(Long.parseLong(line.substring(key.length() + 1).trim()));
      }
    }
    return v;
  }
}
