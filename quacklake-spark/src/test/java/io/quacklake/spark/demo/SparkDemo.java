package io.quacklake.spark.demo;

import io.quacklake.spark.QuacklakeCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ./spark-demo}: a local Spark session with the Quacklake connector over a new lake (SQLite
 * catalog, local files) — create a table, write rows in one commit, query with SQL and time travel,
 * and show the plan with the filters pushed to Quacklake.
 */
public final class SparkDemo {
  private SparkDemo() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 3_000_000L;
    Path dir = Path.of("target/spark-demo").toAbsolutePath();
    Files.createDirectories(dir);
    Path catalog = Files.createTempDirectory(dir, "lake-").resolve("catalog.sqlite");
    try (io.quacklake.Lake lake =
        io.quacklake.Lake.create("sqlite:" + catalog, catalog.getParent().resolve("data") + "/")) {
      System.out.println("lake: sqlite:" + catalog + " (DuckLake " + lake.specVersion() + ")");
    }
    SparkSession spark =
        SparkSession.builder()
            .master("local[*]")
            .appName("quacklake-spark-demo")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString())
            .config("spark.sql.catalog.lake", QuacklakeCatalog.class.getName())
            .config("spark.sql.catalog.lake.catalog", "sqlite:" + catalog)
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    try {
      run(
          spark,
          "CREATE TABLE lake.main.events (id BIGINT, kind STRING, amount DECIMAL(12,2),"
              + " at TIMESTAMP) PARTITIONED BY (kind)");
      long start = System.nanoTime();
      run(
          spark,
          "INSERT INTO lake.main.events SELECT id, element_at(array('click', 'view',"
              + " 'buy'), CAST(id % 3 AS INT) + 1), CAST(id % 1000 AS DECIMAL(12,2)) / 10,"
              + " TIMESTAMP '2026-01-01 00:00:00' + make_interval(0, 0, 0, 0, 0, 0, id) FROM range("
              + rows
              + ")");
      System.out.printf("wrote %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
      show(
          spark,
          "SELECT kind, count(*), sum(amount) FROM lake.main.events GROUP BY kind"
              + " ORDER BY kind");
      run(spark, "DELETE FROM lake.main.events WHERE kind = 'view' AND id < 1000000");
      show(spark, "SELECT count(*) AS rows_now FROM lake.main.events");
      show(spark, "SELECT count(*) AS before_the_delete FROM lake.main.events VERSION AS OF 2");
      String query =
          "SELECT id, amount FROM lake.main.events WHERE id BETWEEN 1000 AND 1004"
              + " AND kind = 'buy'";
      show(spark, query);
      System.out.println(spark.sql(query).queryExecution().executedPlan().toString());
    } finally {
      spark.stop();
    }
  }

  private static void run(SparkSession spark, String sql) {
    System.out.println("> " + sql);
    spark.sql(sql).collectAsList();
  }

  private static void show(SparkSession spark, String sql) {
    System.out.println("> " + sql);
    spark.sql(sql).show(false);
  }
}
