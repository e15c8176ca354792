package io.quacklake.bench;

import io.quacklake.CatalogGarbageReport;
import io.quacklake.CatalogVersion;
import io.quacklake.CatalogVersions;
import io.quacklake.Lake;
import io.quacklake.Transaction;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How an object-store catalog ({@code file://}, zero infrastructure) grows under small commits: one
 * inlined row each, measured over the last {@value #WINDOW} commits before each mark, then again
 * after expiring every older snapshot (which compacts the catalog image) and collecting the
 * catalog's garbage (every version but the newest, every block no version references).
 */
final class CatalogGrowth {
  static final int WINDOW = 100;
  private static final String TABLE = "c";

  /**
   * The catalog at one point.
   *
   * @param label what happened before it
   * @param commits commits so far
   * @param directoryBytes bytes under the catalog's directory (manifests and blocks)
   * @param imageBytes the newest version's SQLite image, from its manifest
   * @param window what the last {@value #WINDOW} commits cost, or null (no commits measured)
   */
  record Point(String label, long commits, long directoryBytes, long imageBytes, Window window) {}

  /**
   * Means over the last {@value #WINDOW} commits.
   *
   * @param writtenPerCommit growth of the catalog directory per commit (new blocks and manifest)
   * @param readerPerCommit what a reader one version behind downloads per commit: the blocks of the
   *     next version that the previous one does not have, and the next manifest
   * @param commitMillis one commit's wall time
   */
  record Window(long writtenPerCommit, long readerPerCommit, double commitMillis) {}

  /**
   * Everything measured.
   *
   * @param points at each mark, after expiry and garbage collection, and {@value #WINDOW} commits
   *     later
   * @param expired snapshots the expiry removed
   * @param expireSeconds the expiry's wall time (with the image compaction it publishes)
   * @param garbage what the garbage collection removed
   * @param garbageSeconds the collection's wall time
   */
  record Run(
      List<Point> points,
      int expired,
      double expireSeconds,
      CatalogGarbageReport garbage,
      double garbageSeconds) {}

  private final Path root;
  private final Lake lake;
  private long commits;

  private CatalogGrowth(Path root, Lake lake) {
    this.root = root;
    this.lake = lake;
  }

  /** The marks: 100, then 1,000, 10,000, ... up to 1,000 × {@code scale}. */
  static List<Long> marks(int scale) {
    List<Long> marks = new ArrayList<>(List.of((long) WINDOW));
    for (long m = 1_000; m <= 1_000L * scale; m *= 10) {
      marks.add(m);
    }
    return marks;
  }

  static Run run(Path root, int scale) {
    try (Lake lake = Lake.create("file://" + root.toAbsolutePath(), null)) {
      lake.createTable(TABLE, SmallAppends.COLUMNS);
      return new CatalogGrowth(root, lake).measure(scale);
    }
  }

  private Run measure(int scale) {
    List<Point> points = new ArrayList<>();
    for (long mark : marks(scale)) {
      while (commits < mark - WINDOW) {
        commit();
      }
      points.add(window(String.format(Locale.ROOT, "%,d commits", mark)));
      System.err.printf("maintenance: object-store catalog at %,d commits%n", commits);
    }
    long start = System.nanoTime();
    int expired = lake.maintenance().expireSnapshots(Instant.now(), false).size();
    double expireSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    CatalogGarbageReport garbage =
        lake.catalogVersions().collectGarbage(Duration.ZERO, Duration.ZERO, Instant.now());
    double garbageSeconds = (System.nanoTime() - start) / 1e9;
    points.add(point("after expiry and garbage collection", null));
    points.add(window(WINDOW + " commits after that"));
    return new Run(points, expired, expireSeconds, garbage, garbageSeconds);
  }

  /** Makes {@value #WINDOW} commits and measures them. */
  private Point window(String label) {
    CatalogVersions versions = lake.catalogVersions();
    long directoryBefore = DirectorySize.of(catalogDirectory());
    CatalogVersion previous = versions.current();
    long downloaded = 0;
    long nanos = 0;
    for (int i = 0; i < WINDOW; i++) {
      long start = System.nanoTime();
      commit();
      nanos += System.nanoTime() - start;
      CatalogVersion next = versions.current();
      if (next.version() != previous.version() + 1) {
        throw new IllegalStateException(
            "maintenance: catalog version " + next.version() + " follows " + previous.version());
      }
      downloaded += newBytes(previous, next);
      previous = next;
    }
    long directory = DirectorySize.of(catalogDirectory());
    Window w =
        new Window(
            (directory - directoryBefore) / WINDOW, downloaded / WINDOW, nanos / 1e6 / WINDOW);
    return point(label, w);
  }

  private Point point(String label, Window window) {
    return new Point(
        label,
        commits,
        DirectorySize.of(catalogDirectory()),
        lake.catalogVersions().current().fileSize(),
        window);
  }

  /** The blocks of {@code next} that {@code previous} lacks, and {@code next}'s manifest. */
  private long newBytes(CatalogVersion previous, CatalogVersion next) {
    Set<String> fresh = new HashSet<>(next.blocks());
    fresh.removeAll(previous.blocks());
    long bytes =
        DirectorySize.of(
            catalogDirectory().resolve(String.format("versions/%020d.manifest", next.version())));
    for (String block : fresh) {
      bytes += DirectorySize.of(catalogDirectory().resolve("blocks").resolve(block));
    }
    return bytes;
  }

  private Path catalogDirectory() {
    return root.resolve("catalog");
  }

  private void commit() {
    try (Transaction tx = lake.begin()) {
      tx.insert(TABLE, List.of(Map.of("id", commits, "name", "row-" + commits, "amount", 0.5)));
      tx.commit();
    }
    commits++;
  }
}
