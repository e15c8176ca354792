package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.ScanTask;
import io.quacklake.TableScan;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scan tasks carry everything a worker needs: serialised, shipped and opened without the catalog,
 * they give exactly the rows the scan gives — files with deletes, inlined rows, projections,
 * filters and time travel.
 */
class ScanTaskTest {
  @TempDir Path temp;

  private static List<Map<String, Object>> rows(int from, int to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", (long) i);
      row.put("name", "n" + i);
      row.put("score", i * 0.5);
      out.add(row);
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void shippedTasksReadWhatTheScanReads(String kind) throws Exception {
    try (Lake lake =
        Lake.create(TestCatalogs.location(kind, temp), temp.resolve("data").toString())) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, name VARCHAR, score DOUBLE"));
      for (int f = 0; f < 3; f++) {
        int from = f * 100;
        try (Transaction tx = lake.begin()) {
          tx.insert("t", rows(from, from + 100));
          tx.commit();
        }
      }
      long beforeDeletes = lake.currentSnapshot().id();
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id IN (5, 150, 151) OR (id > 250 AND id < 270)");
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(1000, 1003));
        tx.commit();
      }
      for (TableScan scan :
          List.of(
              lake.table("t").scan(),
              lake.table("t").scan().select("name", "id").filter("id >= 140 AND id < 1001"),
              lake.table("t").scan().select("score").filter("name = 'n7'"),
              lake.table("t").scan().asOf(beforeDeletes))) {
        List<ScanTask> tasks = scan.planTasks();
        List<String> fromTasks = new ArrayList<>();
        for (ScanTask task : tasks) {
          try (ScanReader reader = Shipped.copy(task).open(StorageSettings.NONE)) {
            assertThat(reader.getVectorSchemaRoot().getSchema()).isEqualTo(scan.schema());
            while (reader.loadNextBatch()) {
              var root = reader.getVectorSchemaRoot();
              for (int r = 0; r < root.getRowCount(); r++) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (var v : root.getFieldVectors()) {
                  row.put(v.getName(), io.quacklake.types.ArrowValues.get(v, r));
                }
                fromTasks.add(row.toString());
              }
            }
          }
        }
        List<String> expected = new ArrayList<>();
        try (var it = scan.rows()) {
          it.forEachRemaining(r -> expected.add(r.toString()));
        }
        assertThat(fromTasks).containsExactlyInAnyOrderElementsOf(expected);
      }
      assertThat(lake.table("t").scan().planTasks())
          .as("three files and the inlined rows")
          .hasSize(4)
          .filteredOn(t -> t.location() == null)
          .singleElement()
          .satisfies(t -> assertThat(t.recordCount()).isEqualTo(3));
      try (Transaction tx = lake.begin()) {
        assertThatThrownBy(() -> tx.scan("t").planTasks())
            .isInstanceOf(QuacklakeException.class)
            .hasMessageContaining("inside a transaction");
      }
    }
  }

  @org.junit.jupiter.api.Test
  void largeFilesSplitByRowGroups() throws Exception {
    try (Lake lake =
        Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString())) {
      lake.setOption("parquet_row_group_size", "1000");
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, name VARCHAR, score DOUBLE"));
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(0, 10_000));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.delete("t", "id IN (5, 1500, 9999) OR (id >= 4000 AND id < 4100)");
        tx.commit();
      }
      TableScan scan = lake.table("t").scan().select("id", "name").filter("id >= 900");
      assertThat(scan.planTasks()).hasSize(1);
      List<ScanTask> tasks = scan.planTasks(1);
      assertThat(tasks).as("one task per row group of the one file").hasSize(10);
      assertThat(tasks).extracting(ScanTask::location).containsOnly(tasks.get(0).location());
      List<String> fromTasks = new ArrayList<>();
      for (ScanTask task : tasks) {
        try (ScanReader reader = Shipped.copy(task).open(StorageSettings.NONE)) {
          while (reader.loadNextBatch()) {
            var root = reader.getVectorSchemaRoot();
            for (int r = 0; r < root.getRowCount(); r++) {
              fromTasks.add(
                  io.quacklake.types.ArrowValues.get(root.getVector(0), r)
                      + ":"
                      + io.quacklake.types.ArrowValues.get(root.getVector(1), r));
            }
          }
        }
      }
      List<String> expected = new ArrayList<>();
      try (var it = scan.rows()) {
        it.forEachRemaining(r -> expected.add(r.get("id") + ":" + r.get("name")));
      }
      assertThat(expected).hasSize(10_000 - 900 - 102);
      assertThat(fromTasks).containsExactlyInAnyOrderElementsOf(expected);

      List<ScanTask> middle =
          lake.table("t").scan().select("id").filter("id >= 4500 AND id < 6500").planTasks(1);
      assertThat(middle).as("the row groups of ids 4000 to 6999 only").hasSize(3);
      long rows = 0;
      for (ScanTask task : middle) {
        try (ScanReader reader = Shipped.copy(task).open(StorageSettings.NONE)) {
          while (reader.loadNextBatch()) {
            rows += reader.getVectorSchemaRoot().getRowCount();
          }
        }
      }
      assertThat(rows).isEqualTo(2000);
    }
  }
}
