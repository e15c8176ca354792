package io.quacklake.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.testkit.peer.DuckDbPeer;
import io.quacklake.testkit.peer.LakeLocation;
import io.quacklake.testkit.peer.PeerLakeComparison;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DuckLake lake on PostgreSQL as a Spark catalog in a local[2] session: namespaces, DDL, reads
 * with column, partition and row-group pruning and time travel equal to Quacklake's, appends that
 * are one DuckLake commit per job and that the DuckDB peer reads, failed jobs that leave nothing
 * behind, the maintenance procedures and the README's example. One session serves every test (it
 * takes ~10 s to start), so the tests run in order on one lake.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkCatalogIT {
  @TempDir static Path temp;
  private static String catalog;
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    catalog = TestCatalogs.location("postgres", temp);
    try (Lake lake = Lake.create(catalog, temp.resolve("data") + "/")) {
      lake.createTable("main.events", ColumnDefinitions.parse("id BIGINT, kind VARCHAR, v DOUBLE"));
      for (int f = 0; f < 3; f++) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = f * 100; i < f * 100 + 100; i++) {
          Map<String, Object> r = new HashMap<>();
          r.put("id", (long) i);
          r.put("kind", i % 3 == 0 ? "a" : "b");
          r.put("v", i * 1.5);
          rows.add(r);
        }
        try (Transaction tx = lake.begin()) {
          tx.insert("events", rows);
          tx.commit();
        }
      }
    }
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("quacklake-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.warehouse.dir", temp.resolve("warehouse").toString())
            .config("spark.sql.catalog.lake", QuacklakeCatalog.class.getName())
            .config("spark.sql.catalog.lake.catalog", catalog)
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static List<String> rows(String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      out.add(r.toString());
    }
    return out;
  }

  @Test
  @Order(1)
  void namespacesTablesAndReadsMatchQuacklake() {
    assertThat(rows("SHOW NAMESPACES IN lake")).containsExactly("[main]");
    assertThat(rows("SHOW TABLES IN lake.main")).containsExactly("[main,events,false]");
    assertThat(rows("DESCRIBE TABLE lake.main.events"))
        .startsWith("[id,bigint,null]", "[kind,string,null]", "[v,double,null]");
    assertThat(rows("SELECT count(*) FROM lake.main.events")).containsExactly("[300]");
    assertThat(
            spark
                .sql("SELECT count(*) FROM lake.main.events")
                .queryExecution()
                .executedPlan()
                .toString())
        .as("count(*) answered from the catalog")
        .contains("LocalTableScan")
        .doesNotContain("BatchScan");
    assertThat(rows("SELECT id, v FROM lake.main.events WHERE id >= 198 AND id < 201 ORDER BY id"))
        .containsExactly("[198,297.0]", "[199,298.5]", "[200,300.0]");
    assertThat(spark.sql("SELECT * FROM lake.main.events WHERE id >= 250").rdd().getNumPartitions())
        .as("files pruned by the pushed filter")
        .isEqualTo(1);
    assertThat(rows("SELECT kind, count(*) FROM lake.main.events GROUP BY kind ORDER BY kind"))
        .containsExactly("[a,100]", "[b,200]");
    assertThat(rows("SELECT count(*) FROM lake.main.events VERSION AS OF 2"))
        .containsExactly("[100]");
    java.time.Instant second;
    try (Lake lake = Lake.open(catalog)) {
      second = lake.snapshot(2).time();
    }
    assertThat(
            rows(
                "SELECT count(*) FROM lake.main.events TIMESTAMP AS OF '"
                    + java.sql.Timestamp.from(second.plusMillis(1))
                    + "'"))
        .containsExactly("[100]");
  }

  @Test
  @Order(2)
  void aProjectionReadsOnlyItsColumns() {
    Dataset<Row> v = spark.sql("SELECT v FROM lake.main.events");
    assertThat(SparkPlans.scan(v).readSchema().fieldNames()).containsExactly("v");
    Dataset<Row> vAndId = spark.sql("SELECT v, id FROM lake.main.events WHERE id < 3");
    assertThat(SparkPlans.scan(vAndId).readSchema().fieldNames())
        .containsExactlyInAnyOrder("v", "id");
    assertThat(rows("SELECT sum(v) FROM lake.main.events")).containsExactly("[67275.0]");
    assertThat(vAndId.orderBy("id").collectAsList().toString())
        .isEqualTo("[[0.0,0], [1.5,1], [3.0,2]]");
  }

  @Test
  @Order(3)
  void aFilterOnThePartitionKeyPlansOnlyItsFiles() {
    spark.sql("CREATE TABLE lake.main.regions (id BIGINT, region STRING) PARTITIONED BY (region)");
    spark.sql(
        "INSERT INTO lake.main.regions SELECT id, element_at(array('EU', 'US', 'APAC'),"
            + " CAST(id % 3 AS INT) + 1) FROM range(0, 300, 1, 2)");
    assertThat(SparkPlans.inputPartitions(spark.table("lake.main.regions")))
        .as("two tasks, each writing a file per region")
        .isEqualTo(6);
    Dataset<Row> eu = spark.sql("SELECT id FROM lake.main.regions WHERE region = 'EU'");
    assertThat(SparkPlans.inputPartitions(eu)).as("the EU file of each task").isEqualTo(2);
    assertThat(eu.selectExpr("count(*)", "sum(id)").collectAsList().toString())
        .isEqualTo("[[100,14850]]");
    Dataset<Row> notEu =
        spark.sql("SELECT id FROM lake.main.regions WHERE region IN ('US', 'APAC') AND id < 10");
    assertThat(SparkPlans.inputPartitions(notEu)).isEqualTo(2);
    assertThat(notEu.orderBy("id").collectAsList().toString())
        .isEqualTo("[[1], [2], [4], [5], [7], [8]]");
  }

  @Test
  @Order(14)
  void twoConcurrentJobsBothCommit() throws Exception {
    spark.sql("CREATE TABLE lake.main.c (id BIGINT, job STRING)");
    long before = snapshot();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
      for (String job : List.of("a", "b")) {
        jobs.add(
            pool.submit(
                () ->
                    spark.sql(
                        "INSERT INTO lake.main.c SELECT id, '"
                            + job
                            + "' FROM range(0, 20000, 1, 2)")));
      }
      for (var j : jobs) {
        j.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(snapshot()).as("one commit per job").isEqualTo(before + 2);
    assertThat(rows("SELECT job, count(*) FROM lake.main.c GROUP BY job ORDER BY job"))
        .containsExactly("[a,20000]", "[b,20000]");
  }

  @Test
  @Order(16)
  void largeFilesAreReadByManyTasks() {
    // last: the DuckDB comparison above renders every table at every snapshot
    spark.sql("CREATE TABLE lake.main.big (id BIGINT, s STRING)");
    spark.sql(
        "INSERT INTO lake.main.big SELECT id, md5(CAST(id AS STRING)) FROM range(0, 300000, 1, 1)");
    assertThat(dataFiles("big")).as("one task writes one file").isEqualTo(1);
    var df = spark.read().option("split-size", "65536").table("lake.main.big");
    int splits = SparkPlans.inputPartitions(df);
    assertThat(splits).as("row-group splits of one file").isGreaterThan(1);
    assertThat(df.rdd().getNumPartitions()).isEqualTo(splits);
    assertThat(df.selectExpr("count(*)", "sum(id)").collectAsList().get(0).toString())
        .isEqualTo("[300000,44999850000]");
    Dataset<Row> first = df.where("id < 1000");
    assertThat(SparkPlans.inputPartitions(first))
        .as("only the split whose row groups hold ids below 1000 (rows were written in order)")
        .isEqualTo(1);
    assertThat(first.selectExpr("count(*)", "sum(id)").collectAsList().get(0).toString())
        .isEqualTo("[1000,499500]");
    spark.sql("DROP TABLE lake.main.big");
  }

  @Test
  @Order(4)
  void anInsertJobIsOneCommitThatDuckDbReads() throws Exception {
    spark.sql("CREATE NAMESPACE lake.sales");
    spark.sql(
        "CREATE TABLE lake.sales.orders (id BIGINT, region STRING, amount DECIMAL(12,2),"
            + " at TIMESTAMP, tags ARRAY<STRING>) PARTITIONED BY (region)");
    long before;
    try (Lake lake = Lake.open(catalog)) {
      before = lake.currentSnapshot().id();
    }
    spark.sql(
        "INSERT INTO lake.sales.orders SELECT id, IF(id % 2 = 0, 'EU', 'US'),"
            + " CAST(id * 1.25 AS DECIMAL(12,2)), TIMESTAMP '2026-01-01 00:00:00' + make_interval(0,"
            + " 0, 0, 0, 0, 0, id), array(CAST(id AS STRING)) FROM range(0, 5000, 1, 4)");
    spark
        .sql(
            "SELECT id + 10000 AS id, 'APAC' AS region, CAST(1 AS DECIMAL(12,2)) AS amount,"
                + " CAST(NULL AS TIMESTAMP) AS at, CAST(NULL AS ARRAY<STRING>) AS tags FROM range(3)")
        .writeTo("lake.sales.orders")
        .append();
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.currentSnapshot().id()).as("one commit per job").isEqualTo(before + 2);
      assertThat(lake.table("sales.orders").scan().count()).isEqualTo(5003);
      assertThat(lake.table("sales.orders").scan().filter("region = 'APAC'").count()).isEqualTo(3);
    }
    assertThat(
            rows(
                "SELECT region, count(*), sum(amount) FROM lake.sales.orders GROUP BY region"
                    + " ORDER BY region"))
        .containsExactly("[APAC,3,3.00]", "[EU,2500,7809375.00]", "[US,2500,7812500.00]");
    new PeerLakeComparison(DuckDbPeer.require().withPostgres(), temp)
        .assertSameRows(new LakeLocation(catalog, null));
  }

  @Test
  @Order(5)
  void aFailedJobCommitsNothingAndLeavesNoFiles() throws Exception {
    long before = snapshot();
    Set<String> files = parquetFileNames();
    assertThatThrownBy(
            () ->
                spark.sql(
                    "INSERT INTO lake.main.events SELECT id, 'x',"
                        + " IF(id = 3999, raise_error('boom'), 1.0) FROM range(0, 4000, 1, 4)"))
        .hasMessageContaining("boom");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(parquetFilesSettledAt(files)).isEqualTo(files);
  }

  private static Set<String> parquetFileNames() throws java.io.IOException {
    try (var walk = Files.walk(temp.resolve("data"))) {
      Set<String> out = new HashSet<>();
      walk.filter(p -> p.toString().endsWith(".parquet"))
          .forEach(p -> out.add(p.getFileName().toString()));
      return out;
    }
  }

  /** The data directory's Parquet files once tasks Spark cancelled have deleted theirs. */
  private static Set<String> parquetFilesSettledAt(Set<String> expected) throws Exception {
    Set<String> left = parquetFileNames();
    for (int i = 0; i < 100 && !left.equals(expected); i++) {
      Thread.sleep(100);
      left = parquetFileNames();
    }
    return left;
  }

  @Test
  @Order(6)
  void deletesAndOverwritesAreOneCommitEach() throws Exception {
    spark.sql("CREATE TABLE lake.main.p (id BIGINT, region STRING) PARTITIONED BY (region)");
    spark.sql(
        "INSERT INTO lake.main.p SELECT id, CASE id % 3 WHEN 0 THEN 'EU' WHEN 1 THEN 'US' ELSE"
            + " 'APAC' END FROM range(0, 30, 1, 3)");
    long before = snapshot();
    spark.sql("DELETE FROM lake.main.p WHERE region = 'US' AND id < 10");
    assertThat(snapshot()).isEqualTo(before + 1);
    assertThat(rows("SELECT count(*) FROM lake.main.p")).containsExactly("[27]");
    spark
        .sql("SELECT id + 100 AS id, 'EU' AS region FROM range(2)")
        .writeTo("lake.main.p")
        .overwritePartitions();
    assertThat(snapshot()).isEqualTo(before + 2);
    assertThat(rows("SELECT region, count(*) FROM lake.main.p GROUP BY region ORDER BY region"))
        .containsExactly("[APAC,10]", "[EU,2]", "[US,7]");
    spark
        .sql("SELECT 7 AS id, 'US' AS region")
        .writeTo("lake.main.p")
        .overwrite(org.apache.spark.sql.functions.col("region").equalTo("US"));
    assertThat(rows("SELECT id FROM lake.main.p WHERE region = 'US'")).containsExactly("[7]");
    spark.sql("INSERT OVERWRITE lake.main.p SELECT 1, 'XX'");
    assertThat(rows("SELECT * FROM lake.main.p")).containsExactly("[1,XX]");
    assertThat(rows("SELECT count(*) FROM lake.main.p VERSION AS OF " + (before + 1)))
        .as("time travel to before the overwrites")
        .containsExactly("[27]");
    spark.sql("TRUNCATE TABLE lake.main.p");
    assertThat(rows("SELECT count(*) FROM lake.main.p")).containsExactly("[0]");
  }

  private static long snapshot() {
    try (Lake lake = Lake.open(catalog)) {
      return lake.currentSnapshot().id();
    }
  }

  @Test
  @Order(7)
  void columnarWhereArrowFitsAndMaintenanceProcedures() throws Exception {
    String plan =
        spark
            .sql("SELECT id, kind, v FROM lake.main.events")
            .queryExecution()
            .executedPlan()
            .toString();
    assertThat(plan).as("batches straight from Arrow vectors").contains("ColumnarToRow");
    long before = snapshot();
    assertThat(dataFiles("events")).as("one file per insert").isEqualTo(3);
    List<String> merged = rows("CALL lake.system.merge_adjacent_files(table => 'main.events')");
    assertThat(merged).containsExactly("[" + (before + 1) + ",3,1,300]");
    assertThat(dataFiles("events")).isEqualTo(1);
    assertThat(rows("SELECT count(*), sum(id) FROM lake.main.events"))
        .containsExactly("[300,44850]");
    assertThat(rows("CALL lake.system.checkpoint()")).hasSize(1);
    assertThat(rows("SELECT count(*) FROM lake.main.events VERSION AS OF " + before))
        .containsExactly("[300]");
  }

  private static int dataFiles(String table) {
    try (Lake lake = Lake.open(catalog)) {
      return lake.table(table).scan().files().size();
    }
  }

  @Test
  @Order(8)
  void expireSnapshotsAndCleanupOldFilesRemoveWhatTheyName() throws Exception {
    long latest = snapshot();
    List<String> older = new ArrayList<>();
    try (Lake lake = Lake.open(catalog)) {
      lake.snapshots().stream()
          .filter(s -> s.id() < latest)
          .forEach(s -> older.add("[" + s.id() + "]"));
    }
    assertThat(older).isNotEmpty();
    assertThat(rows("CALL lake.system.expire_snapshots(older_than => '0 seconds')"))
        .containsExactlyInAnyOrderElementsOf(older);
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.snapshots()).extracting(io.quacklake.Snapshot::id).containsExactly(latest);
    }
    assertThatThrownBy(() -> rows("SELECT count(*) FROM lake.main.events VERSION AS OF 2"))
        .as("an expired snapshot cannot be read")
        .hasMessageContaining("2");

    Set<String> before = parquetFileNames();
    List<String> cleaned = rows("CALL lake.system.cleanup_old_files(older_than => '0 seconds')");
    assertThat(cleaned).as("the merged-away and overwritten files").isNotEmpty();
    Set<String> gone = new HashSet<>(before);
    gone.removeAll(parquetFileNames());
    Set<String> named = new HashSet<>();
    cleaned.forEach(p -> named.add(p.substring(p.lastIndexOf('/') + 1, p.length() - 1)));
    assertThat(gone).as("files deleted from disk are those the procedure named").isEqualTo(named);
    assertThat(rows("SELECT count(*), sum(id) FROM lake.main.events"))
        .containsExactly("[300,44850]");
  }

  @Test
  @Order(9)
  void alterAndDrop() {
    spark.sql("ALTER TABLE lake.main.events ADD COLUMN note STRING");
    spark.sql("INSERT INTO lake.main.events VALUES (1000, 'c', 1.0, 'late')");
    assertThat(rows("SELECT note FROM lake.main.events WHERE id = 1000")).containsExactly("[late]");
    spark.sql("ALTER TABLE lake.main.events RENAME COLUMN note TO remark");
    assertThat(rows("SELECT count(remark) FROM lake.main.events")).containsExactly("[1]");
    assertThatThrownBy(
            () -> spark.sql("CREATE TABLE lake.main.e (ts TIMESTAMP) PARTITIONED BY (days(ts))"))
        .as("Spark's days() counts from 1970; DuckLake 1.0's day() is the day of the month")
        .hasMessageContaining("counts from 1970");
    spark.sql("CREATE TABLE lake.main.y (ts TIMESTAMP) PARTITIONED BY (years(ts))");
    assertThat(rows("SHOW CREATE TABLE lake.main.y").get(0)).contains("years(ts)");
    spark.sql("DROP TABLE lake.main.y");
    spark.sql("DROP TABLE lake.sales.orders");
    spark.sql("DROP NAMESPACE lake.sales");
    assertThat(rows("SHOW NAMESPACES IN lake")).containsExactly("[main]");
  }

  @Test
  @Order(10)
  void widenedAndDroppedColumnsReadBackAndDuckDbReadsThem() {
    spark.sql("CREATE TABLE lake.main.w (id INT, f FLOAT, gone STRING)");
    spark.sql(
        "INSERT INTO lake.main.w SELECT CAST(id AS INT), CAST(id AS FLOAT) + 0.5, 'x' FROM"
            + " range(0, 3, 1, 1)");
    spark.sql("ALTER TABLE lake.main.w ALTER COLUMN id TYPE BIGINT");
    spark.sql("ALTER TABLE lake.main.w ALTER COLUMN f TYPE DOUBLE");
    spark.sql("ALTER TABLE lake.main.w DROP COLUMN gone");
    spark.sql("INSERT INTO lake.main.w VALUES (5000000000, 0.1)");
    assertThat(rows("DESCRIBE TABLE lake.main.w"))
        .startsWith("[id,bigint,null]", "[f,double,null]")
        .noneMatch(r -> r.startsWith("[gone,"));
    List<String> want = List.of("[0,0.5]", "[1,1.5]", "[2,2.5]", "[5000000000,0.1]");
    assertThat(rows("SELECT * FROM lake.main.w ORDER BY id")).isEqualTo(want);
    assertThat(rows("SELECT id FROM lake.main.w WHERE id >= 2 AND f > 1.0 ORDER BY id"))
        .as("filters on widened columns prune old files by their narrow statistics")
        .containsExactly("[2]");

    DuckDbPeer peer = DuckDbPeer.require().withPostgres();
    List<List<Map<String, Object>>> duckdb =
        peer.results(
            temp,
            peer.attachForReading(catalog, null, "l", null)
                + ";\nSELECT column_name, column_type FROM (DESCRIBE l.main.w);\n"
                + "SELECT id, f FROM l.main.w ORDER BY id;");
    assertThat(duckdb.get(0).toString())
        .isEqualTo("[{column_name=id, column_type=BIGINT}, {column_name=f, column_type=DOUBLE}]");
    List<String> peerRows = new ArrayList<>();
    duckdb.get(1).forEach(r -> peerRows.add("[" + r.get("id") + "," + r.get("f") + "]"));
    assertThat(peerRows).as("the DuckDB peer's rows").isEqualTo(want);
  }

  @Test
  @Order(11)
  void createTableAsSelectIsOneSnapshotAndAFailedOneLeavesNothing() throws Exception {
    long before = snapshot();
    spark.sql(
        "CREATE TABLE lake.main.ctas PARTITIONED BY (kind) AS SELECT id, IF(id % 2 = 0, 'even',"
            + " 'odd') AS kind FROM range(0, 1000, 1, 2)");
    assertThat(
            rows("SELECT kind, count(*), sum(id) FROM lake.main.ctas GROUP BY kind ORDER BY kind"))
        .containsExactly("[even,500,249500]", "[odd,500,250000]");
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.table("ctas").partitioning(lake.currentSnapshot().id()))
          .containsExactly(new io.quacklake.PartitionField("kind", "identity"));
      assertThat(lake.table("ctas").scan().count()).isEqualTo(1000);
    }
    assertThat(snapshot()).as("the table and its rows in one snapshot").isEqualTo(before + 1);

    long failedFrom = snapshot();
    Set<String> files = parquetFileNames();
    assertThatThrownBy(
            () ->
                spark.sql(
                    "CREATE TABLE lake.main.ctas_failed AS SELECT id, IF(id = 999,"
                        + " raise_error('boom'), 'x') AS kind FROM range(0, 1000, 1, 2)"))
        .hasMessageContaining("boom");
    assertThat(rows("SHOW TABLES IN lake.main")).doesNotContain("[main,ctas_failed,false]");
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.tables()).noneMatch(t -> t.name().table().equals("ctas_failed"));
    }
    assertThat(snapshot()).as("no snapshot at all").isEqualTo(failedFrom);
    assertThat(parquetFilesSettledAt(files)).isEqualTo(files);

    long replacedFrom = snapshot();
    spark.sql("REPLACE TABLE lake.main.ctas AS SELECT id * 10 AS id FROM range(0, 10, 1, 2)");
    assertThat(rows("SELECT count(*), sum(id) FROM lake.main.ctas")).containsExactly("[10,450]");
    assertThat(snapshot())
        .as("dropped and created again in one snapshot")
        .isEqualTo(replacedFrom + 1);
    assertThat(rows("SELECT count(*) FROM lake.main.ctas VERSION AS OF " + replacedFrom))
        .containsExactly("[1000]");
  }

  @Test
  @Order(12)
  void updateMergeAndRowLevelDeletesKeepRowIdsInOneCommitEach() throws Exception {
    spark.sql("CREATE TABLE lake.main.u (id BIGINT, name STRING, qty INT)");
    spark.sql(
        "INSERT INTO lake.main.u SELECT id, concat('n', id), CAST(id AS INT) FROM range(0, 2000,"
            + " 1, 2)");
    try (Lake lake = Lake.open(catalog);
        Transaction tx = lake.begin()) {
      tx.insert(
          "u",
          List.of(
              Map.of("id", 5000L, "name", "i0", "qty", 0),
              Map.of("id", 5001L, "name", "i1", "qty", 1)));
      tx.commit();
    }
    Map<Long, String> expected = new java.util.TreeMap<>();
    for (long id = 0; id < 2000; id++) {
      expected.put(id, "n" + id + "," + id);
    }
    expected.put(5000L, "i0,0");
    expected.put(5001L, "i1,1");
    Map<Long, Long> rowIds = rowIds();
    assertThat(rowIds).hasSize(2002);

    long before = snapshot();
    spark.sql("UPDATE lake.main.u SET name = 'upd', qty = qty + 1 WHERE id % 10 = 3 OR id = 5001");
    expected.replaceAll(
        (id, v) ->
            id % 10 == 3 || id == 5001
                ? "upd," + (Integer.parseInt(v.substring(v.indexOf(',') + 1)) + 1)
                : v);
    assertThat(snapshot()).as("one commit").isEqualTo(before + 1);

    spark.sql(
        "MERGE INTO lake.main.u t USING (SELECT id, 'm' AS name, 7 AS qty FROM range(1990, 2010))"
            + " s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.name = s.name, t.qty = s.qty WHEN"
            + " NOT MATCHED THEN INSERT *");
    for (long id = 1990; id < 2010; id++) {
      expected.put(id, "m,7");
    }
    assertThat(snapshot()).as("one commit").isEqualTo(before + 2);

    assertThat(spark.sql("DELETE FROM lake.main.u WHERE length(name) > 4").count()).isZero();
    expected.values().removeIf(v -> v.substring(0, v.indexOf(',')).length() > 4);
    assertThat(snapshot()).as("one commit").isEqualTo(before + 3);

    List<String> want = new ArrayList<>();
    expected.forEach((id, v) -> want.add("[" + id + "," + v + "]"));
    assertThat(rows("SELECT id, name, qty FROM lake.main.u ORDER BY id")).isEqualTo(want);
    Map<Long, Long> after = rowIds();
    assertThat(after.keySet()).isEqualTo(expected.keySet());
    after.forEach(
        (id, rowId) -> {
          if (id < 2000 || id >= 5000) {
            assertThat(rowId).as("row id of %d", id).isEqualTo(rowIds.get(id));
          } else {
            assertThat(rowIds).as("new row %d has a new row id", id).doesNotContainValue(rowId);
          }
        });
    try (Lake lake = Lake.open(catalog)) {
      List<String> quacklake = new ArrayList<>();
      try (var it = lake.table("u").scan().rows()) {
        it.forEachRemaining(r -> quacklake.add(r.values().toString()));
      }
      assertThat(quacklake).hasSize(expected.size());
    }
    new PeerLakeComparison(DuckDbPeer.require().withPostgres(), temp)
        .assertSameRows(new LakeLocation(catalog, null));
  }

  private static Map<Long, Long> rowIds() {
    Map<Long, Long> out = new HashMap<>();
    for (Row r : spark.sql("SELECT id, _ducklake_row_id FROM lake.main.u").collectAsList()) {
      out.put(r.getLong(0), r.getLong(1));
    }
    return out;
  }

  @Test
  @Order(13)
  void anUpdateFailingMidWriteLeavesTheSnapshotAndNoNewFiles() throws Exception {
    spark
        .udf()
        .register(
            "fail_on_999",
            (UDF1<Long, Long>)
                id -> {
                  if (id == 999) {
                    throw new IllegalStateException("no update for row 999");
                  }
                  return id;
                },
            DataTypes.LongType);
    long before = snapshot();
    Set<String> files = parquetFileNames();
    List<String> data = rows("SELECT id, name, qty FROM lake.main.u ORDER BY id");
    assertThat(data).hasSizeGreaterThan(1000);
    assertThatThrownBy(
            () -> spark.sql("UPDATE lake.main.u SET qty = CAST(fail_on_999(id) AS INT) + 1"))
        .hasMessageContaining("no update for row 999");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(parquetFilesSettledAt(files)).isEqualTo(files);
    assertThat(rows("SELECT id, name, qty FROM lake.main.u ORDER BY id")).isEqualTo(data);
  }

  /** The README's Spark SQL example, run statement by statement on a new lake. */
  @Test
  @Order(15)
  void theReadmesSparkSqlExampleRuns() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("readme"));
    String location = "sqlite:" + dir.resolve("catalog.sqlite");
    Lake.create(location, dir.resolve("data") + "/").close();
    spark.conf().set("spark.sql.catalog.readme", QuacklakeCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.readme.catalog", location);
    Map<String, List<String>> answers = new java.util.LinkedHashMap<>();
    for (String statement : ReadmeExample.sparkSql()) {
      answers.put(statement, rows(statement.replaceAll("\\blake\\.", "readme.")));
    }
    assertThat(answers.keySet()).anyMatch(s -> s.startsWith("MERGE INTO"));
    answers.forEach(
        (statement, answer) -> {
          if (statement.contains("VERSION AS OF")) {
            assertThat(answer).as(statement).containsExactly("[1000]");
          }
        });
    assertThat(
            rows(
                "SELECT region, count(*), sum(amount) FROM readme.main.orders GROUP BY region"
                    + " ORDER BY region"))
        .containsExactly("[EU,990,2475.00]", "[US,10,99.90]");
  }
}
