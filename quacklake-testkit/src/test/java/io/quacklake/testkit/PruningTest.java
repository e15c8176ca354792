package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.RowIterator;
import io.quacklake.ScanMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans skip files by catalog statistics and partition values, and row groups by footers. */
class PruningTest {
  private static final Path GOLDEN =
      GoldenLakes.repositoryRoot().resolve("quacklake-testkit/src/test/resources/golden");

  @TempDir Path temp;

  @Test
  void partitionValuesAndFileStatsSkipFiles() throws Exception {
    Path lake = GOLDEN.resolve("partitioned");
    try (Lake l =
            Lake.open(
                "duckdb:" + lake.resolve("catalog.ducklake"),
                LakeOptions.dataPath(lake.resolve("data").toString()));
        RowIterator rows =
            l.table("main.sales").scan().select("id", "region").filter("region = 'LATAM'").rows()) {
      List<Map<String, Object>> all = rows.toList();
      ScanMetrics m = rows.metrics();
      assertThat(all).hasSize(100).allSatisfy(r -> assertThat(r.get("region")).isEqualTo("LATAM"));
      assertThat(m.dataFiles()).isGreaterThan(10);
      assertThat(m.dataFilesPruned()).isEqualTo(m.dataFiles() - 1);
    }
  }

  @Test
  void footerStatisticsSkipRowGroups() throws Exception {
    Path data = temp.resolve("data");
    copyTree(GOLDEN.resolve("basic/data"), data);
    Path catalog = temp.resolve("catalog.sqlite");
    SqliteCatalogCopy.copy(GOLDEN.resolve("basic/catalog.ducklake"), catalog);
    Path file = data.resolve("main/events/events-3-row-groups.parquet");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement()) {
      s.execute(
          "COPY (SELECT i::BIGINT AS event_id, ((i % 200) + 1)::INTEGER AS user_id,"
              + " CASE WHEN i % 3 = 0 THEN 'click' WHEN i % 3 = 1 THEN 'view' ELSE NULL END AS kind,"
              + " TIMESTAMP '2025-01-01 00:00:00' + INTERVAL (i) MINUTE AS \"at\""
              + " FROM range(0, 5000) t(i) ORDER BY i) TO '"
              + file
              + "' (FORMAT parquet, FIELD_IDS {event_id: 1, user_id: 2, kind: 3, \"at\": 4},"
              + " ROW_GROUP_SIZE 2048)");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + catalog);
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE ducklake_data_file SET path = ?, file_size_bytes = ?, footer_size = NULL"
                    + " WHERE table_id = 2")) {
      ps.setString(1, file.getFileName().toString());
      ps.setLong(2, Files.size(file));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    try (Lake l = Lake.open("sqlite:" + catalog, LakeOptions.dataPath(data.toString()));
        RowIterator rows =
            l.table("main.events")
                .scan()
                .select("event_id")
                .filter("event_id BETWEEN 2100 AND 2200")
                .rows()) {
      assertThat(rows.toList()).hasSize(101);
      ScanMetrics m = rows.metrics();
      assertThat(m.rowGroupsRead()).isEqualTo(1);
      assertThat(m.rowGroupsSkipped()).isEqualTo(2);
      assertThat(m.rowsScanned()).isEqualTo(2048);
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
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
