package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quacklake.testkit.GoldenLakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against the golden {@code basic} lake, through {@link Main#run}. */
class CliTest {
  private static final Path BASIC =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden/basic");

  @TempDir Path temp;

  private static CliRun run(String... args) {
    List<String> all = new ArrayList<>();
    all.add("--catalog");
    all.add("duckdb:" + BASIC.resolve("catalog.ducklake"));
    all.add("--data-path");
    all.add(BASIC.resolve("data").toString());
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void snapshotsListEverySnapshotWithDuckDbChanges() {
    CliRun r = run("snapshots", "--format", "csv");
    assertThat(r.exit()).isZero();
    assertThat(r.lines()).hasSize(9);
    assertThat(r.lines().get(0))
        .isEqualTo("snapshot_id,snapshot_time,schema_version,changes,author,commit_message");
    assertThat(r.lines().get(6))
        .startsWith("5,")
        .contains("\"{inlined_insert=[1], inlined_delete=[1]}\"");
  }

  @Test
  void tablesShowRowCountsAtLatestAndEarlierSnapshots() {
    assertThat(run("tables", "--format", "csv").lines())
        .containsExactly("table,rows", "main.events,5000", "main.users,180");
    assertThat(run("tables", "--format", "csv", "--as-of", "2").lines())
        .containsExactly("table,rows", "main.users,100");
  }

  @Test
  void describeShowsDuckLakeTypes() {
    CliRun r = run("describe", "main.events", "--format", "csv");
    assertThat(r.lines())
        .containsExactly(
            "column,type,sql_type,nullable,default,partition,comment,sort",
            "event_id,int64,BIGINT,YES,,,,",
            "user_id,int32,INTEGER,YES,,,,",
            "kind,varchar,VARCHAR,YES,,,,",
            "at,timestamp,TIMESTAMP,YES,,,,");
  }

  @Test
  void scanFiltersProjectsAndTimeTravels() {
    CliRun r =
        run(
            "scan",
            "users",
            "--columns",
            "id,name",
            "--where",
            "id > 95",
            "--as-of",
            "2",
            "--format",
            "csv");
    assertThat(r.exit()).isZero();
    assertThat(r.lines())
        .containsExactlyInAnyOrder(
            "id,name", "96,user_96", "97,user_97", "98,user_98", "99,user_99", "100,user_100");
  }

  @Test
  void scanAsJsonLinesKeepsTypes() throws Exception {
    CliRun r = run("scan", "main.users", "--where", "id = 101", "--format", "json");
    assertThat(r.lines()).hasSize(1);
    JsonNode row = new ObjectMapper().readTree(r.lines().get(0));
    assertThat(row.get("id").isNumber()).isTrue();
    assertThat(row.get("id").asLong()).isEqualTo(101);
    assertThat(row.get("name").asText()).isEqualTo("user_101");
    assertThat(row.get("score").isNull()).isTrue();
  }

  @Test
  void scanWritesAnArrowStreamWithLimit() throws Exception {
    Path file = temp.resolve("events.arrow");
    CliRun r =
        run(
            "scan",
            "main.events",
            "--format",
            "arrow",
            "--output",
            file.toString(),
            "--limit",
            "1234");
    assertThat(r.exit()).as(r.err()).isZero();
    long rows = 0;
    try (RootAllocator allocator = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(Files.newInputStream(file), allocator)) {
      while (reader.loadNextBatch()) {
        rows += reader.getVectorSchemaRoot().getRowCount();
      }
      assertThat(reader.getVectorSchemaRoot().getSchema().getFields()).hasSize(4);
    }
    assertThat(rows).isEqualTo(1234);
  }

  @Test
  void scanWritesOneParquetFileDuckDbReads() throws Exception {
    Path file = temp.resolve("users.parquet");
    CliRun r =
        run(
            "scan",
            "main.users",
            "--where",
            "id <= 20",
            "--format",
            "parquet",
            "--output",
            file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT count(*), count(score), min(name), max(id), typeof(any_value(score))"
                    + " FROM read_parquet('"
                    + file
                    + "')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(18);
      assertThat(rs.getLong(2)).isEqualTo(18);
      assertThat(rs.getString(3)).isEqualTo("USER_11");
      assertThat(rs.getInt(4)).isEqualTo(19);
      assertThat(rs.getString(5)).isEqualTo("DOUBLE");
    }
  }

  @Test
  void parquetFormatNeedsOutput() {
    CliRun r = run("scan", "main.users", "--format", "parquet");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("--output");
  }

  @Test
  void unknownTableIsNotFoundOnOneLine() {
    CliRun r = run("scan", "main.nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("main.nope").contains("does not exist");
  }

  @Test
  void badExpressionIsInvalidArgument() {
    CliRun r = run("scan", "main.users", "--where", "id >");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void unknownColumnIsInvalidArgument() {
    CliRun r = run("scan", "main.users", "--columns", "nope");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("nope").contains("id");
  }

  @Test
  void missingCatalogIsNotFound() {
    CliRun r = CliRun.of("--catalog", temp.resolve("none.sqlite").toString(), "snapshots");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist");
  }

  @Test
  void unsupportedCatalogVersionExitsFive() throws Exception {
    Path file = temp.resolve("old.sqlite");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE ducklake_metadata(key VARCHAR, value VARCHAR, scope VARCHAR, scope_id BIGINT)");
      s.execute("INSERT INTO ducklake_metadata VALUES ('version', '0.2', NULL, NULL)");
    }
    CliRun r = CliRun.of("--catalog", "sqlite:" + file, "snapshots");
    assertThat(r.exit()).isEqualTo(5);
    assertThat(r.err()).contains("0.2").contains("1.0");
  }

  @Test
  void missingCatalogOptionIsInvalid() {
    CliRun r = CliRun.of("snapshots");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("--catalog");
  }
}
