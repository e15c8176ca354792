package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Snapshot;
import io.quacklake.TableScan;
import io.quacklake.testkit.GoldenLakes.GoldenSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every golden lake (the repository copy and, when present, {@code ../shared/golden}) read through
 * the DuckDB-file catalog and through a SQLite copy of it must give exactly DuckDB's answers: the
 * snapshot list, every table at every snapshot, every listed query.
 */
class GoldenLakeTest {
  private static final DateTimeFormatter MANIFEST_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSSSS][.SSSS][.SSS][.SS][.S]x");

  @TempDir static Path temp;

  @TestFactory
  Stream<DynamicNode> goldenLakes() {
    List<GoldenSource> sources = GoldenLakes.discover();
    assertThat(sources).as("golden lakes found").isNotEmpty();
    return sources.stream()
        .map(
            source ->
                DynamicContainer.dynamicContainer(
                    source.toString(),
                    Stream.of(
                        DynamicContainer.dynamicContainer(
                            "duckdb catalog", lakeTests(source, () -> duckdbCatalog(source))),
                        DynamicContainer.dynamicContainer(
                            "sqlite catalog", lakeTests(source, () -> sqliteCatalog(source))),
                        DynamicContainer.dynamicContainer(
                            "postgres catalog",
                            lakeTests(source, () -> serverCatalog("postgres", source))),
                        DynamicContainer.dynamicContainer(
                            "mariadb catalog",
                            lakeTests(source, () -> serverCatalog("mariadb", source))))));
  }

  private static String duckdbCatalog(GoldenSource source) {
    return "duckdb:" + source.dir().resolve("catalog.ducklake");
  }

  private static String sqliteCatalog(GoldenSource source) {
    Path file = temp.resolve(source.label() + "-" + source.dir().getFileName() + ".sqlite");
    if (!Files.exists(file)) {
      try {
        SqliteCatalogCopy.copy(source.dir().resolve("catalog.ducklake"), file);
      } catch (Exception e) {
        throw new AssertionError("copying " + source + " to SQLite failed", e);
      }
    }
    return "sqlite:" + file;
  }

  private static final java.util.Map<String, String> SERVER_COPIES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The golden catalog copied into a server database in DuckDB's layout for it. */
  private static String serverCatalog(String kind, GoldenSource source) {
    return SERVER_COPIES.computeIfAbsent(
        kind + " " + source,
        k -> {
          String location = TestCatalogs.location(kind, temp);
          try {
            ServerCatalogCopy.copy(source.dir().resolve("catalog.ducklake"), location);
          } catch (Exception e) {
            throw new AssertionError("copying " + source + " to " + kind + " failed", e);
          }
          return location;
        });
  }

  private static Stream<DynamicNode> lakeTests(
      GoldenSource source, java.util.function.Supplier<String> catalog) {
    GoldenManifest manifest = GoldenManifest.read(source.dir());
    String dataPath = source.dir().resolve("data").toString();
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "snapshots",
            () -> {
              try (Lake lake = Lake.open(catalog.get(), LakeOptions.dataPath(dataPath))) {
                assertThat(lake.specVersion()).isEqualTo(manifest.specVersion());
                checkSnapshots(lake.snapshots(), manifest.snapshots());
              }
            }));
    for (GoldenManifest.ExpectedTable e : manifest.expected()) {
      tests.add(
          DynamicTest.dynamicTest(
              e.schema() + "." + e.table() + "@" + e.snapshot(),
              () -> {
                try (Lake lake = Lake.open(catalog.get(), LakeOptions.dataPath(dataPath))) {
                  TableScan scan =
                      lake.table(e.schema() + "." + e.table()).scan().asOf(e.snapshot());
                  check(scan, ExpectedRows.read(source.dir().resolve(e.file())));
                }
              }));
    }
    for (GoldenManifest.Query q : manifest.queries()) {
      tests.add(
          DynamicTest.dynamicTest(
              "query " + q.id(),
              () -> {
                try (Lake lake = Lake.open(catalog.get(), LakeOptions.dataPath(dataPath))) {
                  TableScan scan =
                      lake.table(q.schema() + "." + q.table()).scan().select(q.columns());
                  if (q.where() != null) {
                    scan = scan.filter(q.where());
                  }
                  if (q.snapshot() != null) {
                    scan = scan.asOf(q.snapshot());
                  }
                  check(scan, ExpectedRows.read(source.dir().resolve(q.file())));
                }
              }));
    }
    return tests.stream();
  }

  private static void checkSnapshots(
      List<Snapshot> actual, List<GoldenManifest.SnapshotEntry> expected) {
    assertThat(actual.stream().map(Snapshot::id).toList())
        .isEqualTo(expected.stream().map(GoldenManifest.SnapshotEntry::snapshotId).toList());
    for (int i = 0; i < expected.size(); i++) {
      GoldenManifest.SnapshotEntry e = expected.get(i);
      Snapshot a = actual.get(i);
      Instant time = OffsetDateTime.parse(e.t(), MANIFEST_TIME).toInstant();
      assertThat(a.time()).as("time of snapshot %d", e.snapshotId()).isEqualTo(time);
      assertThat(a.schemaVersion())
          .as("schema version of snapshot %d", e.snapshotId())
          .isEqualTo(e.schemaVersion());
      assertThat(a.changesText())
          .as("changes of snapshot %d", e.snapshotId())
          .isEqualTo(e.changes());
    }
  }

  private static void check(TableScan scan, ExpectedRows expected) {
    RenderedResult actual = RenderedResult.of(scan.arrow());
    assertThat(actual.columns()).isEqualTo(expected.columns());
    assertThat(RenderedResult.sorted(actual.rows()))
        .containsExactlyElementsOf(RenderedResult.sorted(expected.rows()));
  }
}
