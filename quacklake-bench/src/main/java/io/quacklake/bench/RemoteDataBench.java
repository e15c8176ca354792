package io.quacklake.bench;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.ScanReader;
import io.quacklake.TableScan;
import io.quacklake.Transaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Append and scans with the data on an object store ({@link RemoteStore}) against the same on local
 * disk, in the same run, with the requests each remote scan made.
 */
final class RemoteDataBench {
  private RemoteDataBench() {}

  static Section run(
      RemoteStore store, Path dir, long rows, int iterations, BufferAllocator allocator) {
    String name = store.name();
    StringBuilder table = new StringBuilder();
    table
        .append("| workload | rows | local s (median) | ")
        .append(name)
        .append(" s (median) | ")
        .append(name)
        .append(" / local time | ")
        .append(name)
        .append(" rows/s | ")
        .append(name)
        .append(" requests |\n|---|---|---|---|---|---|---|\n");
    String[] lakes = new String[2];
    Timing localAppend =
        Timing.of(0, iterations, () -> lakes[0] = append(dir, "local", rows, allocator, null));
    Timing remoteAppend =
        Timing.of(
            0,
            iterations,
            () -> lakes[1] = append(dir, "remote", rows, allocator, store.newDataPath()));
    row(table, "append", rows, localAppend, remoteAppend, -1);
    try (Lake local = Workloads.open(lakes[0]);
        Lake remote = Workloads.open(lakes[1])) {
      scan(table, "full scan", rows, iterations, local, remote, store, null);
      scan(
          table,
          "projection scan (2 of 8)",
          rows,
          iterations,
          local,
          remote,
          store,
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
          remote,
          store,
          "id BETWEEN " + lo + " AND " + (lo + rows / 1000));
    }
    return new Section(
        "## Data on "
            + name
            + " ("
            + store.server()
            + ") against local disk, same run\n\n"
            + table
            + "\n"
            + store.requestsNote()
            + "\n",
        List.of());
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
      Lake remote,
      RemoteStore store,
      String filter,
      String... columns) {
    Timing l = Timing.of(1, iterations, () -> count(local, filter, columns));
    long before = store.requests();
    count(remote, filter, columns);
    long perScan = store.requests() - before;
    Timing r = Timing.of(1, iterations, () -> count(remote, filter, columns));
    row(table, name, rows, l, r, perScan);
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
      StringBuilder table, String name, long rows, Timing local, Timing remote, long requests) {
    table.append(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %.3f | %.3f | %.2f | %,.0f | %s |%n",
            name,
            rows,
            local.median(),
            remote.median(),
            remote.median() / local.median(),
            rows / remote.median(),
            requests < 0 ? "–" : Long.toString(requests)));
  }
}
