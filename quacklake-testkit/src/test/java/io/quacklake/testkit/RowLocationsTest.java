package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.RowLocations;
import io.quacklake.ScanReader;
import io.quacklake.ScanTask;
import io.quacklake.TableScan;
import io.quacklake.TaskWriter;
import io.quacklake.Transaction;
import io.quacklake.WriteTask;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Row-level changes made the way a distributed engine makes them: workers scan with row locations,
 * delete rows by location and write new versions that keep the rows' ids, and one transaction begun
 * at the scan's snapshot commits it all — rows in files, with earlier deletes, and inlined rows.
 */
@ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class RowLocationsTest {
  @TempDir Path temp;

  /** One scanned row: its values and where it is. */
  private record Located(long id, String name, long rowId, Long fileId, Long position) {}

  private static List<Map<String, ?>> rows(int from, int to) {
    List<Map<String, ?>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(Map.of("id", (long) i, "name", "n" + i));
    }
    return out;
  }

  private static Lake lakeWithHistory(String kind, Path temp) {
    Lake lake = Lake.create(TestCatalogs.location(kind, temp), temp.resolve("data").toString());
    lake.createTable("main.t", ColumnDefinitions.parse("id BIGINT, name VARCHAR"));
    lake.createTable("main.other", ColumnDefinitions.parse("x BIGINT"));
    for (int f = 0; f < 3; f++) {
      try (Transaction tx = lake.begin()) {
        tx.insert("t", rows(f * 100, f * 100 + 100));
        tx.commit();
      }
    }
    try (Transaction tx = lake.begin()) {
      tx.delete("t", "id IN (4, 7) OR (id > 250 AND id < 260)");
      tx.commit();
    }
    try (Transaction tx = lake.begin()) {
      tx.insert("t", rows(1000, 1004));
      tx.commit();
    }
    return lake;
  }

  private static List<Located> locate(TableScan scan) throws Exception {
    List<Located> out = new ArrayList<>();
    for (ScanTask task : scan.planTasks()) {
      try (ScanReader reader = Shipped.copy(task).open(StorageSettings.NONE)) {
        assertThat(reader.getVectorSchemaRoot().getSchema()).isEqualTo(scan.schema());
        while (reader.loadNextBatch()) {
          VectorSchemaRoot root = reader.getVectorSchemaRoot();
          for (int r = 0; r < root.getRowCount(); r++) {
            out.add(
                new Located(
                    (Long) ArrowValues.get(root.getVector("id"), r),
                    (String) ArrowValues.get(root.getVector("name"), r),
                    (Long) ArrowValues.get(root.getVector(TableScan.ROW_ID_COLUMN), r),
                    (Long) ArrowValues.get(root.getVector(TableScan.DATA_FILE_ID_COLUMN), r),
                    (Long) ArrowValues.get(root.getVector(TableScan.FILE_POSITION_COLUMN), r)));
          }
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void workersDeleteAndReplaceRowsByLocationInOneCommit(String kind) throws Exception {
    try (Lake lake = lakeWithHistory(kind, temp)) {
      long scanned = lake.currentSnapshot().id();
      List<Located> located = locate(lake.table("t").scan().withRowLocations());
      assertThat(located).hasSize(300 - 2 - 9 + 4);
      assertThat(located.stream().map(Located::rowId).distinct()).hasSize(located.size());
      assertThat(located)
          .as("inlined rows have no file and position; rows in files have both")
          .allSatisfy(l -> assertThat(l.fileId() == null).isEqualTo(l.position() == null))
          .filteredOn(l -> l.fileId() == null)
          .extracting(Located::id)
          .containsExactlyInAnyOrder(1000L, 1001L, 1002L, 1003L);
      assertThat(located)
          .filteredOn(l -> l.id() < 100)
          .allSatisfy(l -> assertThat(l.position()).isEqualTo(l.id()));
      Map<Long, Long> rowIds = new HashMap<>();
      located.forEach(l -> rowIds.put(l.id(), l.rowId()));

      try (Transaction concurrent = lake.begin()) {
        concurrent.insert("other", List.of(Map.of("x", 1L)));
        concurrent.commit();
      }

      try (Transaction tx = lake.begin(scanned)) {
        WriteTask task = Shipped.copy(tx.planWrite("t"));
        RowLocations removed = new RowLocations();
        List<Located> updated = new ArrayList<>();
        for (Located l : located) {
          if (l.id() % 3 == 0 || l.id() % 3 == 1) {
            removed.add(l.rowId(), l.fileId(), l.position() == null ? -1 : l.position());
          }
          if (l.id() % 3 == 1) {
            updated.add(l);
          }
        }
        try (RootAllocator allocator = new RootAllocator();
            TaskWriter writer = Shipped.copy(task).open(StorageSettings.NONE)) {
          try (VectorSchemaRoot versions = versions(updated, allocator)) {
            writer.writeRowVersions(versions);
          }
          try (VectorSchemaRoot fresh =
              io.quacklake.types.ArrowRows.of(
                  task.columns(),
                  List.of(new Object[] {5000L, "fresh"}, new Object[] {5001L, "fresh"}),
                  allocator)) {
            writer.write(fresh);
          }
          tx.addWrittenFiles("t", writer.finish());
        }
        assertThat(tx.deleteRows("t", Shipped.copy(removed))).isEqualTo(removed.size());
        tx.commit();
      }

      Map<Long, String> expected = new java.util.TreeMap<>();
      for (Located l : located) {
        if (l.id() % 3 == 1) {
          expected.put(l.id(), "u" + l.id());
        } else if (l.id() % 3 == 2) {
          expected.put(l.id(), l.name());
        }
      }
      expected.put(5000L, "fresh");
      expected.put(5001L, "fresh");
      List<Located> after = locate(lake.table("t").scan().withRowLocations());
      Map<Long, String> actual = new java.util.TreeMap<>();
      after.forEach(l -> actual.put(l.id(), l.name()));
      assertThat(after).hasSize(expected.size());
      assertThat(actual).isEqualTo(expected);
      assertThat(after)
          .as("replaced rows keep their row ids")
          .filteredOn(l -> l.id() < 5000)
          .allSatisfy(l -> assertThat(l.rowId()).isEqualTo(rowIds.get(l.id())));
      Set<Long> fresh = new HashSet<>();
      after.stream().filter(l -> l.id() >= 5000).forEach(l -> fresh.add(l.rowId()));
      assertThat(fresh).hasSize(2).doesNotContainAnyElementsOf(rowIds.values());
      assertThat(lake.table("other").scan().count()).isEqualTo(1);
    }
  }

  @Test
  void aDeleteCommittedSinceTheScanConflicts() throws Exception {
    try (Lake lake = lakeWithHistory("sqlite", temp)) {
      long scanned = lake.currentSnapshot().id();
      List<Located> located = locate(lake.table("t").scan().withRowLocations().filter("id = 10"));
      assertThat(located).singleElement().satisfies(l -> assertThat(l.fileId()).isNotNull());
      try (Transaction concurrent = lake.begin()) {
        concurrent.delete("t", "id = 11");
        concurrent.commit();
      }
      try (Transaction tx = lake.begin(scanned)) {
        RowLocations rows = new RowLocations();
        located.forEach(l -> rows.add(l.rowId(), l.fileId(), l.position()));
        tx.deleteRows("t", rows);
        assertThatThrownBy(tx::commit)
            .isInstanceOfSatisfying(
                QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
      }
      assertThat(lake.table("t").scan().filter("id = 10").count()).isEqualTo(1);
    }
  }

  @Test
  void locationsTheTableDoesNotHoldAreRefused() throws Exception {
    try (Lake lake = lakeWithHistory("sqlite", temp)) {
      long fileId =
          locate(lake.table("t").scan().withRowLocations().filter("id = 10")).get(0).fileId();
      try (Transaction tx = lake.begin()) {
        RowLocations unknownFile = new RowLocations();
        unknownFile.add(1, 987654L, 0);
        assertThatThrownBy(() -> tx.deleteRows("t", unknownFile))
            .hasMessageContaining("data file 987654 is not a file of table main.t");
        RowLocations pastEnd = new RowLocations();
        pastEnd.add(1, fileId, 100);
        assertThatThrownBy(() -> tx.deleteRows("t", pastEnd))
            .hasMessageContaining("has 100 rows; position 100 is outside it");
        RowLocations unknownInlined = new RowLocations();
        unknownInlined.add(424242, null, -1);
        assertThatThrownBy(() -> tx.deleteRows("t", unknownInlined))
            .hasMessageContaining("no inlined row with id 424242");
        try (RootAllocator allocator = new RootAllocator();
            TaskWriter writer = tx.planWrite("t").open(StorageSettings.NONE);
            VectorSchemaRoot noIds =
                io.quacklake.types.ArrowRows.of(
                    lake.table("t").columns(),
                    List.<Object[]>of(new Object[] {1L, "x"}),
                    allocator)) {
          assertThatThrownBy(() -> writer.writeRowVersions(noIds))
              .hasMessageContaining("need a non-null BIGINT column _ducklake_row_id");
        }
      }
      assertThatThrownBy(() -> lake.begin(999_999))
          .isInstanceOfSatisfying(
              QuacklakeException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
  }

  private static VectorSchemaRoot versions(List<Located> rows, RootAllocator allocator) {
    BigIntVector id = new BigIntVector("id", allocator);
    VarCharVector name = new VarCharVector("name", allocator);
    BigIntVector rowId =
        new BigIntVector(
            new Field(
                TableScan.ROW_ID_COLUMN, FieldType.notNullable(new ArrowType.Int(64, true)), null),
            allocator);
    id.allocateNew(rows.size());
    name.allocateNew(rows.size());
    rowId.allocateNew(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      id.set(i, rows.get(i).id());
      name.setSafe(i, ("u" + rows.get(i).id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      rowId.set(i, rows.get(i).rowId());
    }
    List<FieldVector> vectors = List.of(rowId, name, id);
    VectorSchemaRoot root = new VectorSchemaRoot(vectors);
    root.setRowCount(rows.size());
    return root;
  }
}
