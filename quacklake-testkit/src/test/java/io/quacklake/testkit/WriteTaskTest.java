package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.Snapshot;
import io.quacklake.TaskWriter;
import io.quacklake.Transaction;
import io.quacklake.WriteTask;
import io.quacklake.WrittenDataFile;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files written by workers for a planned write ({@code Transaction.planWrite}) — shipped tasks,
 * several writers at once, partitioned tables — are committed by the planning transaction in one
 * snapshot; aborted writers and rolled-back transactions leave no files.
 */
@ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class WriteTaskTest {
  @TempDir Path temp;

  private static List<Object[]> rows(int from, int to) {
    List<Object[]> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(new Object[] {(long) i, i % 2 == 0 ? "EU" : "US", "v" + i});
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void workersWriteAndOneCommitPublishes(String kind) throws Exception {
    try (Lake lake =
        Lake.create(TestCatalogs.location(kind, temp), temp.resolve("data").toString())) {
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "main.t",
            ColumnDefinitions.parse("id BIGINT, region VARCHAR, v VARCHAR"),
            List.of(new PartitionField("region", "identity")));
        tx.commit();
      }
      long before = lake.currentSnapshot().id();
      Snapshot committed;
      try (Transaction tx = lake.begin()) {
        WriteTask task = Shipped.copy(tx.planWrite("t"));
        List<LakeColumn> columns = task.columns();
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try {
          List<Future<List<WrittenDataFile>>> results = new ArrayList<>();
          for (int w = 0; w < 3; w++) {
            int from = w * 1000;
            results.add(
                workers.submit(
                    () -> {
                      try (RootAllocator allocator = new RootAllocator();
                          VectorSchemaRoot batch =
                              ArrowRows.of(columns, rows(from, from + 1000), allocator);
                          TaskWriter writer = task.open(StorageSettings.NONE)) {
                        writer.write(batch);
                        return Shipped.copy(writer.finish());
                      }
                    }));
          }
          for (Future<List<WrittenDataFile>> r : results) {
            tx.addWrittenFiles("t", r.get());
          }
        } finally {
          workers.shutdown();
        }
        committed = tx.commit();
      }
      assertThat(committed.id()).isEqualTo(before + 1);
      assertThat(lake.table("t").scan().count()).isEqualTo(3000);
      assertThat(lake.table("t").scan().filter("region = 'EU'").count()).isEqualTo(1500);
      assertThat(lake.table("t").scan().planFiles())
          .as("one file per worker and partition")
          .hasSize(6)
          .allSatisfy(f -> assertThat(f.location()).contains("/region="));
    }
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void aTableAndItsFirstFilesCommitInOneSnapshot(String kind) throws Exception {
    try (Lake lake =
        Lake.create(TestCatalogs.location(kind, temp), temp.resolve("data").toString())) {
      long before = lake.currentSnapshot().id();
      Snapshot committed;
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "main.ctas",
            ColumnDefinitions.parse("id BIGINT, region VARCHAR, v VARCHAR"),
            List.of(new PartitionField("region", "identity")));
        WriteTask task = Shipped.copy(tx.planWrite("ctas"));
        try (RootAllocator allocator = new RootAllocator();
            VectorSchemaRoot batch = ArrowRows.of(task.columns(), rows(0, 500), allocator);
            TaskWriter writer = task.open(StorageSettings.NONE)) {
          writer.write(batch);
          tx.addWrittenFiles("ctas", Shipped.copy(writer.finish()));
        }
        committed = tx.commit();
      }
      assertThat(committed.id()).isEqualTo(before + 1);
      assertThat(lake.table("ctas").scan().count()).isEqualTo(500);
      assertThat(lake.table("ctas").scan().filter("region = 'US'").count()).isEqualTo(250);
      assertThat(lake.table("ctas").scan().planFiles())
          .hasSize(2)
          .allSatisfy(f -> assertThat(f.location()).contains("/ctas/region="));
    }
  }

  @Test
  void filesPlannedForACreatedTableAreRolledBackWithIt() throws Exception {
    try (Lake lake =
        Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString())) {
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "main.gone", ColumnDefinitions.parse("id BIGINT, region VARCHAR, v VARCHAR"));
        WriteTask task = tx.planWrite("gone");
        try (RootAllocator allocator = new RootAllocator();
            VectorSchemaRoot batch = ArrowRows.of(task.columns(), rows(0, 10), allocator);
            TaskWriter writer = task.open(StorageSettings.NONE)) {
          writer.write(batch);
          tx.addWrittenFiles("gone", writer.finish());
        }
        tx.rollback();
      }
      assertThat(lake.tables()).noneMatch(t -> t.name().toString().contains("gone"));
      try (var files = java.nio.file.Files.walk(temp.resolve("data"))) {
        assertThat(files.filter(f -> f.toString().endsWith(".parquet"))).isEmpty();
      }
    }
  }

  @Test
  void manySmallBatchesFillOneFilePerPartition() throws Exception {
    try (Lake lake =
        Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString())) {
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "main.t",
            ColumnDefinitions.parse("id BIGINT, region VARCHAR, v VARCHAR"),
            List.of(new PartitionField("region", "identity")));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        WriteTask task = tx.planWrite("t");
        List<WrittenDataFile> files;
        try (RootAllocator allocator = new RootAllocator();
            TaskWriter writer = task.open(StorageSettings.NONE)) {
          for (int b = 0; b < 20; b++) {
            try (VectorSchemaRoot batch =
                ArrowRows.of(task.columns(), rows(b * 50, b * 50 + 50), allocator)) {
              writer.write(batch);
            }
          }
          files = writer.finish();
        }
        assertThat(files).as("one file per partition, not per batch").hasSize(2);
        tx.addWrittenFiles("t", files);
        tx.commit();
      }
      assertThat(lake.table("t").scan().count()).isEqualTo(1000);
      assertThat(lake.table("t").scan().filter("region = 'US' AND id < 100").count()).isEqualTo(50);
    }
  }

  @Test
  void abortedWritersAndRolledBackTransactionsLeaveNoFiles() throws Exception {
    Path data = temp.resolve("data");
    try (Lake lake = Lake.create(TestCatalogs.location("sqlite", temp), data.toString())) {
      lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, region VARCHAR, v VARCHAR"));
      lake.createTable("main.other", ColumnDefinitions.parse("id BIGINT"));
      try (Transaction tx = lake.begin()) {
        WriteTask task = tx.planWrite("t");
        try (RootAllocator allocator = new RootAllocator();
            VectorSchemaRoot batch = ArrowRows.of(task.columns(), rows(0, 100), allocator)) {
          TaskWriter aborted = task.open(StorageSettings.NONE);
          aborted.write(batch);
          aborted.abort();
          TaskWriter kept = task.open(StorageSettings.NONE);
          kept.write(batch);
          List<WrittenDataFile> files = kept.finish();
          assertThat(files).hasSize(1);
          assertThat(Files.exists(Path.of(files.get(0).location()))).isTrue();
          assertThatThrownBy(() -> tx.addWrittenFiles("other", files))
              .isInstanceOf(QuacklakeException.class)
              .hasMessageContaining("written for table id");
          TaskWriter unreported = task.open(StorageSettings.NONE);
          unreported.write(batch);
          List<WrittenDataFile> lost = unreported.finish();
          tx.addWrittenFiles("t", files);
          assertThat(tx.discardWrite(task))
              .as("the reported file and the one whose report never arrived")
              .isEqualTo(2);
          assertThat(Files.exists(Path.of(lost.get(0).location()))).isFalse();
          assertThat(Files.exists(Path.of(files.get(0).location()))).isFalse();
          TaskWriter again = task.open(StorageSettings.NONE);
          again.write(batch);
          List<WrittenDataFile> rolledBack = again.finish();
          tx.addWrittenFiles("t", rolledBack);
          tx.rollback();
          assertThat(Files.exists(Path.of(rolledBack.get(0).location()))).isFalse();
        }
      }
      try (var parquet = Files.walk(data)) {
        assertThat(parquet.filter(p -> p.toString().endsWith(".parquet"))).isEmpty();
      }
      assertThat(lake.table("t").scan().count()).isZero();
    }
  }
}
