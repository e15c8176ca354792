package io.quacklake.bench;

import io.quacklake.CatalogVersion;
import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.Transaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * {@code ./bench --only aging}: what a one-row commit, a reader's catch-up and a full scan cost as
 * a lake ages to 100, 1,000 and 10,000 snapshots, on SQLite, PostgreSQL and the object-store
 * catalog, and again after maintenance (flush, expiry, cleanup; for the object store also the
 * catalog's garbage collection).
 */
final class AgingBench {
  static final int WINDOW = 100;
  private static final int WARM_UP = 300;
  private static final String TABLE = "c";

  /**
   * One measurement.
   *
   * @param label what happened before it
   * @param snapshots commits so far
   * @param catalogBytes the catalog's size (SQLite file, PostgreSQL database, object-store catalog
   *     directory)
   * @param commitP50 median one-row commit over the window, ms
   * @param commitMean mean one-row commit over the window, ms
   * @param uploaded catalog bytes written per commit (object store), or -1
   * @param downloaded catalog bytes a reader one version behind fetches per commit (object store),
   *     or -1
   * @param scanMillis a full scan (median of 3), ms
   */
  record Point(
      String label,
      long snapshots,
      long catalogBytes,
      double commitP50,
      double commitMean,
      long uploaded,
      long downloaded,
      double scanMillis) {}

  private final String backend;
  private final Lake lake;
  private final LongSupplier catalogBytes;
  private final Path objectStoreCatalog;
  private long commits;

  private AgingBench(
      String backend, Lake lake, LongSupplier catalogBytes, Path objectStoreCatalog) {
    this.backend = backend;
    this.lake = lake;
    this.catalogBytes = catalogBytes;
    this.objectStoreCatalog = objectStoreCatalog;
  }

  static Section run(Path dir, long top) {
    StringBuilder md = new StringBuilder("## Aging: one-row commits as a lake ages\n\n");
    List<Long> marks = marks(top);
    md.append(
        table(
            "SQLite",
            measure(
                "SQLite",
                name ->
                    Lake.create(
                        "sqlite:" + dir.resolve(name + ".sqlite"), dir.resolve(name).toString()),
                name -> DirectorySize.withLog(dir.resolve(name + ".sqlite")),
                null,
                marks)));
    if (PostgresDatabase.recreate("quacklake_aging", "aging").isPresent()) {
      md.append(
          table(
              "PostgreSQL",
              measure(
                  "PostgreSQL",
                  name ->
                      Lake.create(
                          PostgresDatabase.recreate("quacklake_" + name, "aging")
                              .orElseThrow()
                              .catalog(),
                          dir.resolve(name).toString()),
                  name ->
                      databaseSize(
                          "jdbc:postgresql://127.0.0.1:5432/quacklake_" + name + "?user=postgres"),
                  null,
                  marks)));
    }
    md.append(
        table(
            "object store (`file://`)",
            measure(
                "object store",
                name -> Lake.create("file://" + dir.resolve(name).toAbsolutePath(), null),
                name -> DirectorySize.of(dir.resolve(name).resolve("catalog")),
                name -> dir.resolve(name).resolve("catalog"),
                marks)));
    md.append(
        String.format(
            Locale.ROOT,
            "One table (`%s`), each commit one inlined row (`tx.insert` of one map, then"
                + " `commit`). Each kind first warms up on a scratch lake (%d commits). At each mark the %d commits before it are timed (median and mean); a"
                + " full scan sums every id (median of 3, checked). Catalog size: the SQLite file"
                + " with its journal, `pg_database_size`, or everything under the object store's"
                + " `catalog/` (manifests, image blocks and page deltas). Uploaded = growth of"
                + " `catalog/` per commit; downloaded = what a reader holding the previous version"
                + " fetches to catch up (the new manifest plus the objects it lists that the"
                + " previous one does not; the 20-byte hint and existence checks not counted)."
                + " Maintenance = `flushInlinedData`, `expireSnapshots(now)`,"
                + " `cleanupOldFiles(all)` and, for the object store,"
                + " `catalogVersions().collectGarbage(0, 0, now)`. Command: `./bench --only aging"
                + " --snapshots %d`.%n%n",
            TABLE,
            WARM_UP,
            WINDOW,
            top));
    return new Section(md.toString(), List.of());
  }

  /** 100, 1,000, 10,000, ... up to {@code top}. */
  static List<Long> marks(long top) {
    List<Long> marks = new ArrayList<>();
    for (long m = WINDOW; m <= top; m *= 10) {
      marks.add(m);
    }
    return marks;
  }

  /**
   * Warms the JIT up on a scratch lake of the same kind ({@value #WARM_UP} commits), then ages a
   * fresh lake through the marks.
   *
   * @param lakes creates the lake of a name
   * @param size the catalog's size for a lake's name
   * @param objectStoreCatalog the catalog directory for a lake's name, or null (not an object
   *     store)
   */
  private static List<Point> measure(
      String backend,
      Function<String, Lake> lakes,
      ToLongFunction<String> size,
      Function<String, Path> objectStoreCatalog,
      List<Long> marks) {
    try (Lake scratch = lakes.apply("aging_warmup")) {
      scratch.createTable(TABLE, SmallAppends.COLUMNS);
      AgingBench warm = new AgingBench(backend, scratch, () -> 0, null);
      for (int i = 0; i < WARM_UP; i++) {
        warm.commit();
      }
    }
    try (Lake lake = lakes.apply("aging")) {
      lake.createTable(TABLE, SmallAppends.COLUMNS);
      return new AgingBench(
              backend,
              lake,
              () -> size.applyAsLong("aging"),
              objectStoreCatalog == null ? null : objectStoreCatalog.apply("aging"))
          .points(marks);
    }
  }

  private List<Point> points(List<Long> marks) {
    List<Point> points = new ArrayList<>();
    for (long mark : marks) {
      while (commits < mark - WINDOW) {
        commit();
      }
      points.add(window(String.format(Locale.ROOT, "%,d commits", mark)));
      System.err.printf("aging: %s at %,d snapshots%n", backend, commits);
    }
    long start = System.nanoTime();
    lake.maintenance().flushInlinedData(TABLE);
    lake.maintenance().expireSnapshots(Instant.now(), false);
    lake.maintenance().cleanupOldFiles(true, false);
    if (objectStoreCatalog != null) {
      lake.catalogVersions().collectGarbage(Duration.ZERO, Duration.ZERO, Instant.now());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    points.add(
        window(String.format(Locale.ROOT, "after maintenance (%.1f s), next %d", seconds, WINDOW)));
    return points;
  }

  private Point window(String label) {
    long directoryBefore = objectStoreCatalog == null ? 0 : DirectorySize.of(objectStoreCatalog);
    CatalogVersion previous = objectStoreCatalog == null ? null : lake.catalogVersions().current();
    long downloaded = 0;
    double[] millis = new double[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      long start = System.nanoTime();
      commit();
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (previous != null) {
        CatalogVersion next = lake.catalogVersions().current();
        downloaded += newBytes(previous, next);
        previous = next;
      }
    }
    Arrays.sort(millis);
    long uploaded =
        objectStoreCatalog == null
            ? -1
            : (DirectorySize.of(objectStoreCatalog) - directoryBefore) / WINDOW;
    return new Point(
        label,
        commits,
        catalogBytes.getAsLong(),
        millis[WINDOW / 2],
        Arrays.stream(millis).average().orElse(0),
        uploaded,
        objectStoreCatalog == null ? -1 : downloaded / WINDOW,
        scanMillis());
  }

  private long newBytes(CatalogVersion previous, CatalogVersion next) {
    Set<String> fresh = new HashSet<>(next.blocks());
    fresh.removeAll(previous.blocks());
    long bytes =
        DirectorySize.of(
            objectStoreCatalog.resolve(String.format("versions/%020d.manifest", next.version())));
    for (String object : fresh) {
      bytes += DirectorySize.of(objectStoreCatalog.resolve("blocks").resolve(object));
    }
    return bytes;
  }

  private double scanMillis() {
    double[] runs = new double[3];
    long expected = commits * (commits - 1) / 2;
    for (int i = 0; i < runs.length; i++) {
      long start = System.nanoTime();
      long sum = 0;
      try (ScanReader r = lake.table(TABLE).scan().select("id").arrow()) {
        while (r.loadNextBatch()) {
          var id = (org.apache.arrow.vector.BigIntVector) r.getVectorSchemaRoot().getVector(0);
          for (int k = 0; k < id.getValueCount(); k++) {
            sum += id.get(k);
          }
        }
      }
      runs[i] = (System.nanoTime() - start) / 1e6;
      if (sum != expected) {
        throw new IllegalStateException(
            "aging: " + backend + " scan summed ids to " + sum + ", expected " + expected);
      }
    }
    Arrays.sort(runs);
    return runs[1];
  }

  private void commit() {
    try (Transaction tx = lake.begin()) {
      tx.insert(TABLE, List.of(Map.of("id", commits, "name", "row-" + commits, "amount", 0.5)));
      tx.commit();
    }
    commits++;
  }

  private static long databaseSize(String jdbcUrl) {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("aging: cannot measure the PostgreSQL catalog", e);
    }
  }

  private static String table(String backend, List<Point> points) {
    StringBuilder t = new StringBuilder("### " + backend + "\n\n");
    t.append("| point | catalog KiB | commit ms p50 | commit ms mean |")
        .append(" uploaded KiB/commit | reader KiB/commit | full scan ms |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Point p : points) {
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.1f | %.2f | %.2f | %s | %s | %.1f |%n",
              p.label(),
              p.catalogBytes() / 1024.0,
              p.commitP50(),
              p.commitMean(),
              kib(p.uploaded()),
              kib(p.downloaded()),
              p.scanMillis()));
    }
    return t.append('\n').toString();
  }

  private static String kib(long bytes) {
    return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
  }
}
