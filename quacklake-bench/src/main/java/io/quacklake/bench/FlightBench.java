package io.quacklake.bench;

import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.Transaction;
import io.quacklake.flight.FlightLakeServer;
import io.quacklake.flight.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * {@code ./bench --only flight [--rows N] [--iterations K]}: a full scan of the events table to a
 * pandas DataFrame through {@code quacklake serve}'s Flight protocol and the Python client, against
 * DuckDB's Python-free path — its Parquet reader over the same files, exported as Arrow through
 * JDBC — in the same run. Throughput is the table's Arrow size over the time.
 */
public final class FlightBench {
  private FlightBench() {}

  public static void main(String[] args) throws Exception {
    long rows = 1_000_000;
    int iterations = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String python = System.getProperty("quacklake.python", "python3");
    Path dir = Files.createTempDirectory("quacklake-flight-bench");
    String catalog = "sqlite:" + dir.resolve("lake.sqlite");
    try (Lake lake = Lake.create(catalog, dir.resolve("data") + "/")) {
      lake.createTable("main.events", EventsData.COLUMNS);
      try (RootAllocator allocator = new RootAllocator();
          Transaction tx = lake.begin()) {
        for (long from = 0; from < rows; from += 250_000) {
          try (VectorSchemaRoot batch =
              EventsData.batch(
                  allocator, EventsData.COLUMNS, from, Math.min(rows, from + 250_000))) {
            tx.append("main.events", batch);
          }
        }
        tx.commit();
      }
      long arrowBytes = arrowBytes(lake);
      List<double[]> flight;
      try (FlightLakeServer server = FlightLakeServer.start(lake, ServerSettings.loopback(0))) {
        flight = python(python, dir, server.uri(), iterations, rows);
      }
      List<Double> duckdb = duckdb(Workloads.dataFiles(catalog), iterations, rows);
      double a = median(flight.stream().map(t -> t[0]).toList());
      double f = median(flight.stream().map(t -> t[1]).toList());
      double d = median(duckdb);
      double mb = arrowBytes / 1e6;
      System.out.printf(
          Locale.ROOT,
          "Flight scan to pandas, %,d rows (%s), %.1f MB as Arrow, median of %d%n",
          rows,
          "id, user_id, amount, price, country, session, ts, flag",
          mb,
          iterations);
      System.out.println("| path | median s | MB/s |");
      System.out.println("|---|---|---|");
      System.out.printf(
          Locale.ROOT,
          "| Quacklake: Flight → Python client → pyarrow Table | %.3f | %.0f |%n",
          a,
          mb / a);
      System.out.printf(
          Locale.ROOT, "| Quacklake: Flight → Python client → pandas | %.3f | %.0f |%n", f, mb / f);
      System.out.printf(
          Locale.ROOT, "| DuckDB JDBC: Parquet → Arrow (no Python) | %.3f | %.0f |%n", d, mb / d);
      System.out.printf(
          Locale.ROOT,
          "ratio (DuckDB time / Quacklake time): %.2f to Arrow, %.2f to pandas%n",
          d / a,
          d / f);
    }
  }

  /** The table's size as Arrow vectors (what either path hands its caller). */
  private static long arrowBytes(Lake lake) {
    long bytes = 0;
    try (ScanReader reader = lake.table("main.events").scan().arrow()) {
      while (reader.loadNextBatch()) {
        for (FieldVector v : reader.getVectorSchemaRoot().getFieldVectors()) {
          bytes += v.getBufferSize();
        }
      }
    }
    return bytes;
  }

  private static List<double[]> python(
      String python, Path dir, String uri, int iterations, long rows) throws Exception {
    Path script = dir.resolve("scan.py");
    Files.writeString(
        script,
        String.join(
            "\n",
            "import sys, time, quacklake",
            "lake = quacklake.connect(sys.argv[1])",
            "for i in range(int(sys.argv[2]) + 1):",
            "    start = time.perf_counter()",
            "    table = lake.table('main.events').to_arrow()",
            "    arrived = time.perf_counter()",
            "    frame = table.to_pandas()",
            "    done = time.perf_counter()",
            "    print(arrived - start, done - start, len(frame), flush=True)",
            "lake.close()",
            ""));
    Process p =
        new ProcessBuilder(python, script.toString(), uri, Integer.toString(iterations))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(
          "the Python scan failed (is the quacklake client installed?)");
    }
    List<double[]> times = new ArrayList<>();
    List<String> lines = out.lines().toList();
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.trim().split("\\s+");
      if (Long.parseLong(parts[2]) != rows) {
        throw new IllegalStateException("Python read " + parts[2] + " rows, not " + rows);
      }
      times.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
    }
    return times;
  }

  private static List<Double> duckdb(List<Path> files, int iterations, long rows) throws Exception {
    StringBuilder list = new StringBuilder();
    for (Path f : files) {
      list.append(list.length() == 0 ? "" : ", ").append('\'').append(f).append('\'');
    }
    String sql = "SELECT * FROM read_parquet([" + list + "])";
    List<Double> times = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        RootAllocator allocator = new RootAllocator()) {
      for (int i = 0; i <= iterations; i++) {
        long start = System.nanoTime();
        long n = 0;
        try (Statement s = duck.createStatement();
            ResultSet rs = s.executeQuery(sql);
            ArrowReader reader =
                (ArrowReader) ((DuckDBResultSet) rs).arrowExportStream(allocator, 65_536)) {
          while (reader.loadNextBatch()) {
            n += reader.getVectorSchemaRoot().getRowCount();
          }
        }
        if (n != rows) {
          throw new IllegalStateException("DuckDB read " + n + " rows, not " + rows);
        }
        if (i > 0) {
          times.add((System.nanoTime() - start) / 1e9);
        }
      }
    }
    return times;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
