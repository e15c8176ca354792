package io.quacklake.bench;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.ScanReader;
import io.quacklake.TableScan;
import io.quacklake.Transaction;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.s3.RequestCounter;
import io.quacklake.s3.S3ObjectStore;
import io.quacklake.s3.S3Settings;
import io.quacklake.testkit.S3ProxyProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Append and scans with the data on S3 (S3Proxy on loopback) against the same on local disk, in the
 * same run, with the requests each S3 scan made.
 */
final class S3Bench {
  private static final String KEY = "bench";
  private static final String SECRET = "bench-secret";

  private S3Bench() {}

  static Section run(Path dir, long rows, int iterations, BufferAllocator allocator)
      throws Exception {
    try (S3ProxyProcess server =
        S3ProxyProcess.start(Path.of("quacklake-bench/target/s3proxy/s3proxy.jar"), KEY, SECRET)) {
      System.setProperty("AWS_ENDPOINT_URL", server.endpoint().toString());
      System.setProperty("AWS_ACCESS_KEY_ID", KEY);
      System.setProperty("AWS_SECRET_ACCESS_KEY", SECRET);
      System.setProperty("AWS_REGION", "us-east-1");
      System.setProperty("QUACKLAKE_S3_PATH_STYLE", "true");
      String bucket = "bench";
      try (S3ObjectStore admin =
          new S3ObjectStore(
              new S3Settings(server.endpoint(), "us-east-1", true, KEY, SECRET, null))) {
        admin.createBucket(bucket);
      }
      List<S3ObjectStore> stores = new CopyOnWriteArrayList<>();
      ObjectStores.decorate(
          s -> {
            if (s instanceof S3ObjectStore s3) {
              stores.add(s3);
            }
            return s;
          });
      StringBuilder table = new StringBuilder();
      table
          .append("| workload | rows | local s (median) | S3 s (median) | S3 / local time |")
          .append(" S3 rows/s | S3 requests |\n|---|---|---|---|---|---|---|\n");
      String[] lakes = new String[2];
      Timing localAppend =
          Timing.of(0, iterations, () -> lakes[0] = append(dir, "local", rows, allocator, null));
      Timing s3Append =
          Timing.of(
              0,
              iterations,
              () ->
                  lakes[1] =
                      append(
                          dir,
                          "s3",
                          rows,
                          allocator,
                          "s3://" + bucket + "/" + UUID.randomUUID() + "/"));
      row(table, "append", rows, localAppend, s3Append, -1);
      try (Lake local = Workloads.open(lakes[0]);
          Lake s3 = Workloads.open(lakes[1])) {
        scan(table, "full scan", rows, iterations, local, s3, stores, null);
        scan(
            table,
            "projection scan (2 of 8)",
            rows,
            iterations,
            local,
            s3,
            stores,
            null,
            "id",
            "amount");
        long lo = rows / 2;
        scan(
            table,
            "selective scan, clustered id",
            rows,
            iterations,
            local,
            s3,
            stores,
            "id BETWEEN " + lo + " AND " + (lo + rows / 1000));
      } finally {
        ObjectStores.decorate(java.util.function.UnaryOperator.identity());
      }
      return new Section(
          "## Data on S3 (S3Proxy on loopback) against local disk, same run\n\n"
              + table
              + "\nS3 requests: every request one scan made (catalog on local SQLite, so"
              + " these are data-file GETs and HEADs: footer plus column chunks).\n",
          List.of());
    }
  }

  private static String append(
      Path dir, String kind, long rows, BufferAllocator allocator, String dataPath) {
    Path lakeDir = dir.resolve(kind + "-" + UUID.randomUUID());
    String catalog = "sqlite:" + lakeDir.resolve("catalog.sqlite");
    String data = dataPath != null ? dataPath : lakeDir.resolve("data").toString();
    try (Lake lake = Lake.create(catalog, data, LakeOptions.defaults())) {
      lake.setOption("target_file_size", Long.toString(32L << 20));
      lake.createTable("events", EventsData.COLUMNS);
      try (Transaction tx = lake.begin()) {
        EventsData.append(tx, "events", allocator, 0, rows);
        tx.commit();
      }
    }
    return catalog;
  }

  private static void scan(
      StringBuilder table,
      String name,
      long rows,
      int iterations,
      Lake local,
      Lake s3,
      List<S3ObjectStore> stores,
      String filter,
      String... columns) {
    Timing l = Timing.of(1, iterations, () -> count(local, filter, columns));
    long before = requests(stores);
    count(s3, filter, columns);
    long perScan = requests(stores) - before;
    Timing s = Timing.of(1, iterations, () -> count(s3, filter, columns));
    row(table, name, rows, l, s, perScan);
  }

  private static long requests(List<S3ObjectStore> stores) {
    long n = 0;
    for (S3ObjectStore s : stores) {
      RequestCounter c = s.requests();
      n += c.gets() + c.puts() + c.other();
    }
    return n;
  }

  private static long count(Lake lake, String filter, String... columns) {
    TableScan scan = lake.table("events").scan();
    if (columns.length > 0) {
      scan = scan.select(columns);
    }
    if (filter != null) {
      scan = scan.filter(filter);
    }
    long n = 0;
    try (ScanReader r = scan.arrow()) {
      while (r.loadNextBatch()) {
        n += r.getVectorSchemaRoot().getRowCount();
      }
    }
    return n;
  }

  private static void row(
      StringBuilder table, String name, long rows, Timing local, Timing s3, long requests) {
    table.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %.3f | %.3f | %.2f | %,.0f | %s |%n",
            name,
            rows,
            local.median(),
            s3.median(),
            s3.median() / local.median(),
            rows / s3.median(),
            requests < 0 ? "–" : Long.toString(requests)));
  }
}
