package io.quacklake.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.testkit.ExpectedRows;
import io.quacklake.testkit.GoldenLakes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark reads every golden lake DuckDB wrote (copied first: {@code ../shared} is read-only) as
 * DuckDB answered: every table at every snapshot has DuckDB's row count, and the value of every
 * column — rendered by Spark's own cast, nested values by Spark's {@code to_json}, blobs by {@code
 * hex} — is DuckDB's (floats compared as numbers, nanoseconds truncated to Spark's microseconds,
 * time zones in UTC).
 */
class SparkGoldenLakesIT {
  private static final Pattern EXPECTED = Pattern.compile("(\\w+)\\.(\\w+)@(\\d+)\\.json");
  private static final Set<TypeId> TEXT_EQUAL =
      Set.of(
          TypeId.BOOLEAN,
          TypeId.INT8,
          TypeId.INT16,
          TypeId.INT32,
          TypeId.INT64,
          TypeId.UINT8,
          TypeId.UINT16,
          TypeId.UINT32,
          TypeId.UINT64,
          TypeId.INT128,
          TypeId.UINT128,
          TypeId.DECIMAL,
          TypeId.DATE,
          TypeId.TIME,
          TypeId.INTERVAL,
          TypeId.UUID,
          TypeId.JSON,
          TypeId.TIMESTAMP,
          TypeId.TIMESTAMP_S,
          TypeId.TIMESTAMP_MS,
          TypeId.TIMESTAMP_NS,
          TypeId.TIMESTAMPTZ,
          TypeId.VARCHAR);
  private static final Set<TypeId> FLOATS = Set.of(TypeId.FLOAT32, TypeId.FLOAT64);
  private static final Set<TypeId> NESTED = Set.of(TypeId.LIST, TypeId.STRUCT, TypeId.MAP);

  /** DuckDB's text of a value as Spark renders it. */
  private static String expected(TypeId type, String duckdb) {
    if (duckdb == null) {
      return null;
    }
    return switch (type) {
      case TIMESTAMPTZ -> timestamp(duckdb.replaceAll("\\+00$", ""));
      case TIMESTAMP_NS -> timestamp(duckdb);
      case FLOAT32, FLOAT64 -> number(type, duckdb);
      case BLOB -> hex(duckdb);
      default -> duckdb;
    };
  }

  /** Fractions cut to microseconds, without trailing zeros, as Spark prints timestamps. */
  private static String timestamp(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return text;
    }
    String fraction = text.substring(dot + 1, Math.min(text.length(), dot + 7));
    fraction = fraction.replaceAll("0+$", "");
    return fraction.isEmpty() ? text.substring(0, dot) : text.substring(0, dot + 1) + fraction;
  }

  /** DuckDB's blob text ({@code a\\x00}: printable bytes as they are, others escaped) as hex. */
  private static String hex(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\x", i)) {
        out.append(text, i + 2, i + 4);
        i += 3;
      } else {
        out.append(String.format("%02X", (int) text.charAt(i)));
      }
    }
    return out.toString().toUpperCase(java.util.Locale.ROOT);
  }

  /** A float as a number: its shortest text at its own precision. */
  private static String number(TypeId type, String text) {
    return switch (text) {
      case "inf", "Infinity" -> "Infinity";
      case "-inf", "-Infinity" -> "-Infinity";
      case "nan", "NaN", "-nan" -> "NaN";
      default ->
          type == TypeId.FLOAT32
              ? Float.toString(Float.parseFloat(text))
              : Double.toString(Double.parseDouble(text));
    };
  }

  @TempDir Path temp;

  @Test
  void sparkReadsEveryGoldenLakeAsDuckDbDid() throws Exception {
    List<GoldenLakes.GoldenSource> lakes =
        GoldenLakes.discover().stream()
            .filter(g -> g.label().equals("shared"))
            .filter(g -> Files.isRegularFile(g.dir().resolve("catalog.ducklake")))
            .toList();
    assertThat(lakes).as("golden lakes").isNotEmpty();
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("quacklake-golden")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.warehouse.dir", temp.resolve("warehouse").toString())
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    int compared = 0;
    try {
      for (GoldenLakes.GoldenSource golden : lakes) {
        Path copy = temp.resolve(golden.label() + "-" + golden.dir().getFileName());
        copyTree(golden.dir(), copy);
        String name = "g_" + golden.label() + "_" + golden.dir().getFileName();
        String catalog = "duckdb:" + copy.resolve("catalog.ducklake");
        String data = copy.resolve("data").toString();
        spark.conf().set("spark.sql.catalog." + name, QuacklakeCatalog.class.getName());
        spark.conf().set("spark.sql.catalog." + name + ".catalog", catalog);
        spark.conf().set("spark.sql.catalog." + name + ".data-path", data);
        List<Path> expected;
        try (Stream<Path> files = Files.list(copy.resolve("expected"))) {
          expected =
              files
                  .filter(p -> EXPECTED.matcher(p.getFileName().toString()).matches())
                  .sorted()
                  .toList();
        }
        for (Path file : expected) {
          Matcher m = EXPECTED.matcher(file.getFileName().toString());
          assertThat(m.matches()).isTrue();
          String schema = m.group(1);
          String table = m.group(2);
          long snapshot = Long.parseLong(m.group(3));
          List<LakeColumn> columns;
          try (Lake lake = Lake.open(catalog, LakeOptions.dataPath(data))) {
            columns = lake.table(schema + "." + table).columns(snapshot);
          }
          ExpectedRows rows = ExpectedRows.read(file);
          String from = name + "." + schema + "." + table + " VERSION AS OF " + snapshot;
          String context = golden + " " + schema + "." + table + "@" + snapshot;
          List<LakeColumn> simple = new ArrayList<>();
          StringBuilder select = new StringBuilder("SELECT 1");
          for (LakeColumn c : columns) {
            if (!rows.columns().contains(c.name())) {
              continue;
            }
            TypeId type = c.type().id();
            String quoted = "`" + c.name() + "`";
            if (TEXT_EQUAL.contains(type)) {
              select.append(", CAST(").append(quoted).append(" AS STRING)");
            } else if (FLOATS.contains(type)) {
              select.append(", CAST(").append(quoted).append(" AS STRING)");
            } else if (type == TypeId.BLOB) {
              select.append(", hex(").append(quoted).append(")");
            } else if (NESTED.contains(type)) {
              select
                  .append(", to_json(")
                  .append(quoted)
                  .append(", map('ignoreNullFields', 'false'))");
            } else {
              continue;
            }
            simple.add(c);
          }
          List<Row> got = spark.sql(select + " FROM " + from).collectAsList();
          assertThat(got).as("rows of %s", context).hasSize(rows.rows().size());
          for (int i = 0; i < simple.size(); i++) {
            int index = rows.columns().indexOf(simple.get(i).name());
            int at = i + 1;
            List<String> want = new ArrayList<>();
            TypeId type = simple.get(i).type().id();
            rows.rows().forEach(r -> want.add(expected(type, r.get(index))));
            List<String> values = new ArrayList<>();
            got.forEach(
                r ->
                    values.add(
                        FLOATS.contains(type) && !r.isNullAt(at)
                            ? number(type, r.getString(at))
                            : r.getString(at)));
            assertThat(values)
                .as("column %s of %s", simple.get(i).name(), context)
                .containsExactlyInAnyOrderElementsOf(want);
          }
          compared++;
        }
      }
    } finally {
      spark.stop();
    }
    assertThat(compared).as("tables at snapshots compared").isGreaterThan(20);
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
