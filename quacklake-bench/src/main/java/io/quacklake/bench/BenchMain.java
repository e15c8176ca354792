package io.quacklake.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quacklake.Lake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;

/**
 * {@code ./bench [--scale N] [--iterations K] [--snapshots N] [--only
 * scan|planning|s3|azure|commits|memory|maintenance|cli|aging]}: runs every workload in Quacklake
 * and DuckDB on the same data (N million rows), prints a table of ratios and writes {@code
 * BENCHMARKS.md} and {@code bench-results.json} in the working directory.
 */
public final class BenchMain {
  private static final List<String> WORKLOADS =
      List.of(
          "scan", "planning", "s3", "azure", "commits", "memory", "maintenance", "cli", "aging");

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    int scale = 1;
    int iterations = 3;
    String only = null;
    long snapshots = 10_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--scale" -> scale = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        case "--only" -> only = args[++i];
        case "--snapshots" -> snapshots = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (only != null && !WORKLOADS.contains(only)) {
      throw new IllegalArgumentException("--only takes one of " + WORKLOADS + ", got " + only);
    }
    long rows = scale * 1_000_000L;
    int threads = Runtime.getRuntime().availableProcessors();
    Path dir = Files.createTempDirectory("quacklake-bench");
    List<Result> results = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    if (only == null || only.equals("planning")) {
      results.addAll(PlanningBench.run(dir, scale, iterations));
    }
    if (only == null || only.equals("s3")) {
      try (RootAllocator allocator = new RootAllocator();
          S3Bench store = S3Bench.start()) {
        sections.add(RemoteDataBench.run(store, dir, rows, iterations, allocator));
      }
    }
    if (only == null || only.equals("azure")) {
      try (RootAllocator allocator = new RootAllocator();
          AzureBench store = AzureBench.start()) {
        sections.add(RemoteDataBench.run(store, dir, rows, iterations, allocator));
      }
    }
    if (only == null || only.equals("scan")) {
      results.addAll(scans(dir, rows, scale, iterations, threads));
    }
    if (only == null || only.equals("commits")) {
      sections.add(CommitBench.run(dir, scale));
    }
    if (only == null || only.equals("memory")) {
      sections.add(MemoryBench.run(dir, rows, scale, iterations));
    }
    if (only == null || only.equals("maintenance")) {
      sections.add(MaintenanceBench.run(dir, scale, iterations));
    }
    if (only == null || only.equals("cli")) {
      sections.add(CliBench.run(dir, scale, iterations));
    }
    if (only == null || only.equals("aging")) {
      sections.add(AgingBench.run(dir, snapshots));
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Report.print(results, sections);
    if (only == null) {
      Report.write(
          results,
          sections,
          Path.of("BENCHMARKS.md"),
          Path.of("bench-results.json"),
          args,
          threads);
    }
  }

  /** Workloads 1–4: append and scans, against DuckDB on the same files. */
  private static List<Result> scans(Path dir, long rows, int scale, int iterations, int threads)
      throws Exception {
    List<Result> results = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement s = duck.createStatement()) {
        s.execute("SET threads = " + threads);
      }
      Workloads w = new Workloads(dir, rows, allocator, duck);
      String[] lake = new String[1];
      Timing append = Timing.ofMeasured(iterations, () -> w.quacklakeAppend(lake));
      List<Path> files = Workloads.dataFiles(lake[0]);
      w.loadIntoDuckDb(files);
      results.add(
          new Result("append", scale, append, Timing.of(0, iterations, w::duckdbAppend), rows, 0));
      try (Lake opened = Workloads.open(lake[0])) {
        results.add(scan(w, "full scan", scale, iterations, opened, files, null));
        results.add(
            scan(
                w,
                "projection scan (2 of 8)",
                scale,
                iterations,
                opened,
                files,
                null,
                "id",
                "amount"));
        long lo = rows / 2;
        String clustered = "id BETWEEN " + lo + " AND " + (lo + rows / 1000);
        results.add(
            scan(w, "selective scan, clustered id", scale, iterations, opened, files, clustered));
        results.add(
            scan(
                w,
                "selective scan, unclustered user_id",
                scale,
                iterations,
                opened,
                files,
                "user_id BETWEEN 1000 AND 1099"));
      }
    }
    return results;
  }

  private static Result scan(
      Workloads w,
      String name,
      int scale,
      int iterations,
      Lake lake,
      List<Path> files,
      String filter,
      String... columns) {
    long[] n = new long[2];
    System.gc();
    HeapPeak.reset();
    Timing q = Timing.of(1, iterations, () -> n[0] = w.quacklakeScan(lake, filter, columns));
    long peak = HeapPeak.bytes();
    Timing d = Timing.of(1, iterations, () -> n[1] = w.duckdbScan(files, filter, columns));
    if (n[0] != n[1]) {
      throw new IllegalStateException(
          name + ": Quacklake returned " + n[0] + " rows, DuckDB " + n[1]);
    }
    return new Result(name, scale, q, d, n[0], peak);
  }

  static ObjectNode json(ObjectMapper m, Result r) {
    ObjectNode o = m.createObjectNode();
    o.put("workload", r.workload());
    o.put("scale", r.scale());
    o.put("quacklake_seconds", r.quacklake().median());
    o.put("duckdb_seconds", r.duckdb() == null ? null : r.duckdb().median());
    if (Double.isNaN(r.ratio())) {
      o.putNull("ratio");
    } else {
      o.put("ratio", r.ratio());
    }
    o.put("rows", r.rows());
    if (r.peakMemoryBytes() > 0) {
      o.put("peak_memory_bytes", r.peakMemoryBytes());
    } else {
      o.putNull("peak_memory_bytes");
    }
    return o;
  }

  static ArrayNode json(ObjectMapper m, List<Result> results) {
    ArrayNode a = m.createArrayNode();
    results.forEach(r -> a.add(json(m, r)));
    return a;
  }
}
