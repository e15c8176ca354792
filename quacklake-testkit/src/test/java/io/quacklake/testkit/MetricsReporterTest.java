package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.CommitReport;
import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.MetricsReporter;
import io.quacklake.ScanReader;
import io.quacklake.ScanReport;
import io.quacklake.Transaction;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports a lake's metrics reporter receives: pruning of a scan, what a commit did. */
class MetricsReporterTest {
  @TempDir Path temp;

  @Test
  void scansReportPruningAndCommitsReportTheirWork() {
    List<ScanReport> scans = new CopyOnWriteArrayList<>();
    List<CommitReport> commits = new CopyOnWriteArrayList<>();
    MetricsReporter reporter =
        new MetricsReporter() {
          @Override
          public void scan(ScanReport r) {
            scans.add(r);
          }

          @Override
          public void commit(CommitReport r) {
            commits.add(r);
          }
        };
    String catalog = TestCatalogs.location("sqlite", temp);
    try (Lake created = Lake.create(catalog, temp.resolve("data").toString())) {
      created.createTable("main.t", ColumnDefinitions.parse("id BIGINT"));
    }
    try (Lake lake = Lake.open(catalog, LakeOptions.defaults().withMetricsReporter(reporter))) {
      for (int f = 0; f < 3; f++) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          rows.add(Map.of("id", (long) (f * 1000 + i)));
        }
        try (Transaction tx = lake.begin()) {
          tx.insert("t", rows);
          tx.commit();
        }
      }
      assertThat(commits).hasSize(3);
      CommitReport insert = commits.get(2);
      assertThat(insert.attempts()).isEqualTo(1);
      assertThat(insert.conflicted()).isFalse();
      assertThat(insert.filesAdded()).isEqualTo(1);
      assertThat(insert.rowsAdded()).isEqualTo(100);
      assertThat(insert.snapshotId()).isEqualTo(insert.baseSnapshotId() + 1);

      try (ScanReader reader = lake.table("t").scan().filter("id >= 2000 AND id < 2010").arrow()) {
        while (reader.loadNextBatch()) {
          assertThat(reader.getVectorSchemaRoot().getRowCount()).isPositive();
        }
      }
      assertThat(scans)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.table()).isEqualTo("main.t");
                assertThat(s.filter()).contains("2000");
                assertThat(s.metrics().dataFiles()).isEqualTo(3);
                assertThat(s.metrics().dataFilesPruned())
                    .as("two files pruned by their statistics")
                    .isEqualTo(2);
                assertThat(s.metrics().rowsReturned()).isEqualTo(10);
                assertThat(s.planning().isNegative()).isFalse();
              });

      int before = commits.size();
      Transaction first = lake.begin();
      Transaction second = lake.begin();
      first.dropTable("t");
      second.insert("t", List.of(Map.of("id", 5L)));
      first.commit();
      assertThatThrownBy(second::commit).hasMessageContaining("dropped table");
      second.close();
      assertThat(commits).hasSize(before + 2);
      assertThat(commits.get(before + 1).conflicted()).isTrue();
      assertThat(commits.get(before + 1).snapshotId()).isEqualTo(-1);
      assertThat(commits.get(before + 1).rowsAdded()).isEqualTo(1);
    }
  }
}
