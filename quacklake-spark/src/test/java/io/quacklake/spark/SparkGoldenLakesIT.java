package io.quacklake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.testkit.ExpectedRows;
import io.quacklake.testkit.GoldenLakes;
import io.quacklake.testkit.GoldenManifest;
import io.quacklake.types.LakeColumn;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark reads every golden lake DuckDB wrote (copied first: {@code ../shared} is read-only) as
 * DuckDB answered: every table at every snapshot has DuckDB's rows, compared as whole rows (a
 * multiset of tuples, values rendered by {@link GoldenRendering}); and every table answers a
 * projection with a filter pushed down to Quacklake as DuckDB's rows say it should — the lake's own
 * queries from its manifest with DuckDB's answers, and one more per table on its first integer
 * column, whose answer is DuckDB's rows filtered here.
 */
class SparkGoldenLakesIT {
  private static final Pattern EXPECTED = Pattern.compile("(\\w+)\\.(\\w+)@(\\d+)\\.json");

  @TempDir Path temp;
  private SparkSession spark;

  /** A golden lake's copy as a Spark catalog {@code name}, and opened by Quacklake. */
  private record Golden(String name, Path dir, Lake lake) implements AutoCloseable {
    List<LakeColumn> columns(String table, Long snapshot) {
      return lake.table(table).columns(snapshot == null ? lake.currentSnapshot().id() : snapshot);
    }

    @Override
    public void close() {
      lake.close();
    }
  }

  @Test
  void sparkReadsEveryGoldenLakeAsDuckDbDid() throws Exception {
    List<GoldenLakes.GoldenSource> lakes =
        GoldenLakes.discover().stream()
            .filter(g -> g.label().equals("shared"))
            .filter(g -> Files.isRegularFile(g.dir().resolve("catalog.ducklake")))
            .toList();
    assertThat(lakes).as("golden lakes").isNotEmpty();
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("quacklake-golden")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.warehouse.dir", temp.resolve("warehouse").toString())
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    int tables = 0;
    int queries = 0;
    try {
      for (GoldenLakes.GoldenSource source : lakes) {
        try (Golden golden = register(source)) {
          Map<String, Path> latest = new TreeMap<>();
          for (Path file : expectedFiles(golden.dir())) {
            Matcher m = EXPECTED.matcher(file.getFileName().toString());
            assertThat(m.matches()).isTrue();
            String table = m.group(1) + "." + m.group(2);
            long snapshot = Long.parseLong(m.group(3));
            assertTable(golden, table, snapshot, ExpectedRows.read(file));
            latest.merge(table, file, (a, b) -> snapshotOf(a) > snapshotOf(b) ? a : b);
            tables++;
          }
          for (GoldenManifest.Query q : GoldenManifest.read(golden.dir()).queries()) {
            assertManifestQuery(golden, q);
            queries++;
          }
          for (Map.Entry<String, Path> e : latest.entrySet()) {
            assertFilteredProjection(golden, e.getKey(), e.getValue());
            queries++;
          }
        }
      }
    } finally {
      spark.stop();
    }
    assertThat(tables).as("tables at snapshots compared").isGreaterThan(20);
    assertThat(queries).as("projections with a filter compared").isGreaterThan(20);
  }

  private Golden register(GoldenLakes.GoldenSource source) throws IOException {
    Path copy = temp.resolve(source.label() + "-" + source.dir().getFileName());
    copyTree(source.dir(), copy);
    String name = "g_" + source.label() + "_" + source.dir().getFileName();
    String catalog = "duckdb:" + copy.resolve("catalog.ducklake");
    String data = copy.resolve("data").toString();
    spark.conf().set("spark.sql.catalog." + name, QuacklakeCatalog.class.getName());
    spark.conf().set("spark.sql.catalog." + name + ".catalog", catalog);
    spark.conf().set("spark.sql.catalog." + name + ".data-path", data);
    return new Golden(name, copy, Lake.open(catalog, LakeOptions.dataPath(data)));
  }

  /** The whole table at a snapshot: DuckDB's columns, in order, and its rows. */
  private void assertTable(Golden golden, String table, long snapshot, ExpectedRows expected) {
    List<LakeColumn> columns = golden.columns(table, snapshot);
    assertThat(columns.stream().map(LakeColumn::name).toList())
        .as("columns of %s.%s@%d", golden.name(), table, snapshot)
        .isEqualTo(expected.columns());
    assertAnswer(
        golden.name() + "." + table + " VERSION AS OF " + snapshot, columns, null, expected.rows());
  }

  /** A query of the lake's manifest: its projection and filter, DuckDB's answer. */
  private void assertManifestQuery(Golden golden, GoldenManifest.Query q) {
    String table = q.schema() + "." + q.table();
    List<LakeColumn> all = golden.columns(table, q.snapshot());
    List<LakeColumn> selected = new ArrayList<>();
    for (String name : q.columns()) {
      selected.add(all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow());
    }
    List<String> where = new ArrayList<>();
    for (List<String> f : q.filter()) {
      where.add("`" + f.get(0) + "` " + f.get(1) + " " + f.get(2));
    }
    ExpectedRows expected = ExpectedRows.read(golden.dir().resolve(q.file()));
    assertThat(expected.columns()).isEqualTo(q.columns());
    Dataset<Row> answer =
        assertAnswer(
            golden.name()
                + "."
                + table
                + (q.snapshot() == null ? "" : " VERSION AS OF " + q.snapshot()),
            selected,
            String.join(" AND ", where),
            expected.rows());
    assertThat(SparkPlans.scan(answer).description())
        .as("filter of query %s pushed to Quacklake", q.id())
        .contains("pruning by");
  }

  /**
   * The table at its last snapshot, its last column and first integer column where the latter is at
   * least its median: DuckDB's rows filtered and projected here are the answer.
   */
  private void assertFilteredProjection(Golden golden, String table, Path file) {
    long snapshot = snapshotOf(file);
    ExpectedRows rows = ExpectedRows.read(file);
    List<LakeColumn> columns = golden.columns(table, snapshot);
    int key = 0;
    while (!columns.get(key).type().id().isInteger()) {
      key++;
    }
    int last = columns.size() - 1 == key ? 0 : columns.size() - 1;
    List<BigInteger> keys = new ArrayList<>();
    for (List<String> r : rows.rows()) {
      if (r.get(key) != null) {
        keys.add(new BigInteger(r.get(key)));
      }
    }
    keys.sort(Comparator.naturalOrder());
    BigInteger median = keys.get(keys.size() / 2);
    List<List<String>> want = new ArrayList<>();
    for (List<String> r : rows.rows()) {
      if (r.get(key) != null && new BigInteger(r.get(key)).compareTo(median) >= 0) {
        want.add(java.util.Arrays.asList(r.get(last), r.get(key)));
      }
    }
    Dataset<Row> answer =
        assertAnswer(
            golden.name() + "." + table + " VERSION AS OF " + snapshot,
            List.of(columns.get(last), columns.get(key)),
            "`" + columns.get(key).name() + "` >= " + median,
            want);
    assertThat(SparkPlans.scan(answer).readSchema().fieldNames())
        .as("columns read for %s", answer)
        .containsExactlyInAnyOrder(columns.get(last).name(), columns.get(key).name());
    assertThat(SparkPlans.scan(answer).description())
        .as("filter on %s pushed to Quacklake", columns.get(key).name())
        .contains("pruning by");
  }

  /**
   * Asserts that {@code SELECT columns FROM from WHERE where} gives DuckDB's rows (as a multiset of
   * whole rows) and returns the query.
   */
  private Dataset<Row> assertAnswer(
      String from, List<LakeColumn> columns, String where, List<List<String>> duckdb) {
    List<String> select = columns.stream().map(GoldenRendering::select).toList();
    Dataset<Row> query =
        spark.sql(
            "SELECT "
                + String.join(", ", select)
                + " FROM "
                + from
                + (where == null ? "" : " WHERE " + where));
    List<List<String>> got = new ArrayList<>();
    for (Row r : query.collectAsList()) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        row.add(GoldenRendering.actual(columns.get(i).type().id(), r.getString(i)));
      }
      got.add(row);
    }
    List<List<String>> want = new ArrayList<>();
    for (List<String> r : duckdb) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        row.add(GoldenRendering.expected(columns.get(i).type().id(), r.get(i)));
      }
      want.add(row);
    }
    assertThat(got)
        .as("rows of %s%s", from, where == null ? "" : " WHERE " + where)
        .containsExactlyInAnyOrderElementsOf(want);
    return query;
  }

  private static long snapshotOf(Path expectedFile) {
    Matcher m = EXPECTED.matcher(expectedFile.getFileName().toString());
    assertThat(m.matches()).isTrue();
    return Long.parseLong(m.group(3));
  }

  private static List<Path> expectedFiles(Path lake) throws IOException {
    try (Stream<Path> files = Files.list(lake.resolve("expected"))) {
      return files
          .filter(p -> EXPECTED.matcher(p.getFileName().toString()).matches())
          .sorted()
          .toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
