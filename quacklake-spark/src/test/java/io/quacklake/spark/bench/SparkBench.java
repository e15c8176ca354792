package io.quacklake.spark.bench;

import io.quacklake.Lake;
import io.quacklake.spark.QuacklakeCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./bench --only spark}: Spark reading a DuckLake table through the connector against
 * Spark's own Parquet reader on the same files (ratio = Spark Parquet time / connector time, same
 * run, median of the runs), and writing through the connector against Spark's Parquet writer.
 */
public final class SparkBench {
  private SparkBench() {}

  public static void main(String[] args) throws Exception {
    long rows = 5_000_000L;
    int runs = 5;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--rows")) {
        rows = Long.parseLong(args[i + 1]);
      } else if (args[i].equals("--iterations")) {
        runs = Integer.parseInt(args[i + 1]);
      }
    }
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "spark-bench-");
    Path catalog = dir.resolve("catalog.sqlite");
    try (Lake lake = Lake.create("sqlite:" + catalog, dir.resolve("data") + "/")) {
      lake.setOption("target_file_size", String.valueOf(64L << 20));
    }
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("quacklake-spark-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString())
            .config("spark.sql.catalog.lake", QuacklakeCatalog.class.getName())
            .config("spark.sql.catalog.lake.catalog", "sqlite:" + catalog)
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    List<String[]> table = new ArrayList<>();
    try {
      String source =
          "SELECT id, id % 1000 AS k, CAST(id % 100000 AS DOUBLE) / 7 AS v, concat('name-',"
              + " CAST(id % 50000 AS STRING)) AS s, CAST(id % 3 = 0 AS BOOLEAN) AS b,"
              + " DATE '2020-01-01' + CAST(id % 2000 AS INT) AS d FROM range("
              + rows
              + ", 0, -1, 2)";
      spark.sql(
          "CREATE TABLE lake.main.t (id BIGINT, k BIGINT, v DOUBLE, s STRING, b BOOLEAN, d DATE)");
      long ours = time(() -> spark.sql("INSERT INTO lake.main.t " + source).collectAsList());
      Path plain = dir.resolve("spark-parquet");
      long theirs =
          time(
              () -> {
                spark.sql(source).write().parquet(plain.toString());
                return null;
              });
      table.add(row("write " + rows + " rows", theirs, ours));
      Dataset<Row> connector = spark.table("lake.main.t");
      Dataset<Row> files = spark.read().parquet(dir.resolve("data/main/t").toString());
      String[][] queries = {
        {
          "full scan (sum of every column)",
          "SELECT sum(id), sum(k), sum(CAST(v * 7 AS BIGINT)), max(s), count_if(b), max(d) FROM %s"
        },
        {"projection (one column)", "SELECT sum(CAST(v * 7 AS BIGINT)) FROM %s"},
        {
          "selective filter (0.01 %)",
          "SELECT count(*), sum(CAST(v * 7 AS BIGINT)) FROM %s WHERE id BETWEEN 1000000 AND 1000500"
        },
        {"unclustered filter", "SELECT count(*), sum(id) FROM %s WHERE k = 7"}
      };
      connector.createOrReplaceTempView("via_connector");
      files.createOrReplaceTempView("via_parquet");
      for (String[] q : queries) {
        String a = String.format(q[1], "via_parquet");
        String b = String.format(q[1], "via_connector");
        if (!spark.sql(a).collectAsList().equals(spark.sql(b).collectAsList())) {
          throw new IllegalStateException("different answers for " + q[0]);
        }
        long[] parquet = new long[runs];
        long[] lake = new long[runs];
        for (int i = 0; i < runs; i++) {
          parquet[i] = time(() -> spark.sql(a).collectAsList());
          lake[i] = time(() -> spark.sql(b).collectAsList());
        }
        table.add(row(q[0], median(parquet), median(lake)));
      }
    } finally {
      spark.stop();
    }
    System.out.println("| workload | Spark Parquet ms | connector ms | ratio |");
    System.out.println("|---|---:|---:|---:|");
    for (String[] r : table) {
      System.out.println("| " + String.join(" | ", r) + " |");
    }
    System.out.println(
        "\nratio = Spark's own Parquet reader/writer time / the connector's, same files, same run"
            + " (median of "
            + runs
            + "); rows="
            + rows
            + ", local[2]");
  }

  private static String[] row(String name, long parquetNanos, long lakeNanos) {
    return new String[] {
      name,
      String.valueOf(parquetNanos / 1_000_000),
      String.valueOf(lakeNanos / 1_000_000),
      String.format("%.2f", (double) parquetNanos / lakeNanos)
    };
  }

  private static long time(Supplier<?> work) {
    long start = System.nanoTime();
    work.get();
    return System.nanoTime() - start;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
