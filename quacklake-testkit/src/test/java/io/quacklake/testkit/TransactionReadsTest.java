package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.MergeResult;
import io.quacklake.PartitionField;
import io.quacklake.RowIterator;
import io.quacklake.TableScan;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transaction reads its base snapshot plus its own writes, and its deletes, updates and merges
 * see rows it appended earlier (in files or inlined) and not rows it already deleted.
 */
@org.junit.jupiter.api.extension.ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class TransactionReadsTest {
  @TempDir Path temp;

  private String location;

  private Lake lake(String kind) {
    location = TestCatalogs.location(kind, temp);
    Lake lake = Lake.create(location, temp.resolve("data").toString());
    lake.createTable(
        "main.kv",
        List.of(
            LakeColumn.of(0, "k", LakeType.of(TypeId.INT64)),
            LakeColumn.of(0, "v", LakeType.of(TypeId.VARCHAR))));
    return lake;
  }

  private static List<Map<String, Object>> rows(long from, long to, String prefix) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (long k = from; k < to; k++) {
      Map<String, Object> row = new HashMap<>();
      row.put("k", k);
      row.put("v", prefix + k);
      out.add(row);
    }
    return out;
  }

  private static Map<Long, String> contents(TableScan scan) {
    Map<Long, String> out = new TreeMap<>();
    try (RowIterator it = scan.rows()) {
      it.forEachRemaining(
          r -> assertThat(out.put((Long) r.get("k"), (String) r.get("v"))).isNull());
    }
    return out;
  }

  private static Map<Long, String> expected(long from, long to, String prefix) {
    Map<Long, String> out = new TreeMap<>();
    for (long k = from; k < to; k++) {
      out.put(k, prefix + k);
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void scanInsideTransactionSeesOwnFilesAndInlinedRowsOnly(String kind) {
    try (Lake lake = lake(kind)) {
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(0, 50, "a"));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(50, 250, "b"));
        tx.insert("kv", rows(250, 253, "c"));
        Map<Long, String> want = expected(0, 50, "a");
        want.putAll(expected(50, 250, "b"));
        want.putAll(expected(250, 253, "c"));
        assertThat(contents(tx.scan("kv"))).isEqualTo(want);
        assertThat(tx.scan("kv").filter("k >= 240").count()).isEqualTo(13);
        assertThat(tx.scan("kv").count()).isEqualTo(253);
        assertThat(contents(lake.table("kv").scan())).isEqualTo(expected(0, 50, "a"));
        tx.commit();
        assertThat(contents(lake.table("kv").scan())).isEqualTo(want);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void deleteAfterAppendInSameTransactionRewritesOwnFile(String kind) throws Exception {
    try (Lake lake = lake(kind)) {
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(0, 100, "a"));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(100, 300, "b"));
        assertThat(tx.delete("kv", "k >= 90 AND k < 110")).isEqualTo(20);
        assertThat(tx.delete("kv", "k >= 90 AND k < 120")).isEqualTo(10);
        Map<Long, String> want = expected(0, 90, "a");
        want.putAll(expected(120, 300, "b"));
        assertThat(contents(tx.scan("kv"))).isEqualTo(want);
        tx.commit();
        assertThat(contents(lake.table("kv").scan())).isEqualTo(want);
        assertThat(lake.table("kv").scan().count()).isEqualTo(want.size());
      }
      if (kind.equals("sqlite")) {
        assertThat(parquetFilesOnDisk()).isEqualTo(filesInCatalog());
      }
    }
  }

  @Test
  void updateAndMergeSeeOwnRowsAndNotOwnDeletes() throws Exception {
    try (Lake lake = lake("sqlite")) {
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(0, 100, "a"));
        tx.commit();
      }
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(100, 200, "b"));
        tx.insert("kv", rows(200, 203, "c"));
        assertThat(tx.delete("kv", "k < 10")).isEqualTo(10);
        assertThat(tx.update("kv", Map.of("v", "U"), "k < 20 OR (k >= 150 AND k < 160) OR k = 201"))
            .isEqualTo(10 + 10 + 1);
        assertThat(tx.update("kv", Map.of("v", "W"), "k >= 15 AND k < 25")).isEqualTo(10);
        try (BufferAllocator allocator = new RootAllocator();
            VectorSchemaRoot batch = batch(allocator, new long[] {5, 50, 155, 202, 500}, "M")) {
          MergeResult merged = tx.merge("kv", batch, List.of("k"));
          assertThat(merged.updated()).isEqualTo(3);
          assertThat(merged.inserted()).isEqualTo(2);
        }
        Map<Long, String> want = expected(10, 100, "a");
        want.putAll(expected(100, 200, "b"));
        want.putAll(expected(200, 203, "c"));
        for (long k = 10; k < 20; k++) {
          want.put(k, "U");
        }
        for (long k = 150; k < 160; k++) {
          want.put(k, "U");
        }
        want.put(201L, "U");
        for (long k = 15; k < 25; k++) {
          want.put(k, "W");
        }
        for (long k : new long[] {5, 50, 155, 202, 500}) {
          want.put(k, "M" + k);
        }
        assertThat(contents(tx.scan("kv"))).isEqualTo(want);
        tx.commit();
        assertThat(contents(lake.table("kv").scan())).isEqualTo(want);
      }
      assertThat(parquetFilesOnDisk()).isEqualTo(filesInCatalog());
    }
  }

  @Test
  void rowsOfTableCreatedInSameTransactionCanBeMergedAndDeleted() {
    try (Lake lake = lake("sqlite")) {
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "fresh",
            List.of(
                LakeColumn.of(0, "k", LakeType.of(TypeId.INT64)),
                LakeColumn.of(0, "v", LakeType.of(TypeId.VARCHAR))));
        tx.insert("fresh", rows(0, 40, "a"));
        assertThat(
                tx.delete(
                    "fresh",
                    "k IN (0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38)"))
            .isEqualTo(20);
        try (BufferAllocator allocator = new RootAllocator();
            VectorSchemaRoot batch = batch(allocator, new long[] {1, 2, 3}, "M")) {
          MergeResult merged = tx.merge("fresh", batch, List.of("k"));
          assertThat(merged.updated()).isEqualTo(2);
          assertThat(merged.inserted()).isEqualTo(1);
        }
        assertThat(tx.scan("fresh").count()).isEqualTo(21);
        tx.commit();
      }
      Map<Long, String> want = new TreeMap<>();
      for (long k = 1; k < 40; k += 2) {
        want.put(k, "a" + k);
      }
      want.put(1L, "M1");
      want.put(2L, "M2");
      want.put(3L, "M3");
      assertThat(contents(lake.table("fresh").scan())).isEqualTo(want);
    }
  }

  @Test
  void deletingEveryOwnRowLeavesNoFileAndRollbackRemovesRewrites() throws Exception {
    try (Lake lake = lake("sqlite")) {
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(0, 500, "a"));
        assertThat(tx.delete("kv", "k >= 0")).isEqualTo(500);
        assertThat(tx.scan("kv").count()).isZero();
        tx.commit();
      }
      assertThat(parquetFilesOnDisk()).isEmpty();
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(0, 500, "a"));
        tx.delete("kv", "k < 100");
        tx.update("kv", Map.of("v", "x"), "k < 200");
        tx.rollback();
      }
      assertThat(parquetFilesOnDisk()).isEmpty();
      assertThat(lake.table("kv").scan().count()).isZero();
    }
  }

  @Test
  void rewrittenOwnFilesKeepTheirPartition() {
    try (Lake lake = lake("sqlite")) {
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "parts",
            List.of(
                LakeColumn.of(0, "k", LakeType.of(TypeId.INT64)),
                LakeColumn.of(0, "region", LakeType.of(TypeId.VARCHAR))),
            List.of(new PartitionField("region", "identity")));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long k = 0; k < 300; k++) {
          rows.add(Map.of("k", k, "region", k % 3 == 0 ? "EU" : "US"));
        }
        tx.insert("parts", rows);
        assertThat(tx.delete("parts", "k < 30")).isEqualTo(30);
        tx.commit();
      }
      assertThat(lake.table("parts").scan().filter("region = 'EU'").count()).isEqualTo(90);
      try (var reader = lake.table("parts").scan().filter("region = 'EU'").arrow()) {
        while (reader.loadNextBatch()) {
          // drain
        }
        assertThat(reader.metrics().dataFilesPruned()).isEqualTo(1);
      }
    }
  }

  @Test
  void scanInsideTransactionRefusesTimeTravel() {
    try (Lake lake = lake("sqlite");
        Transaction tx = lake.begin()) {
      assertThatThrownBy(() -> tx.scan("kv").asOf(0))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("base snapshot")
          .satisfies(
              e ->
                  assertThat(((QuacklakeException) e).kind())
                      .isEqualTo(ErrorKind.INVALID_ARGUMENT));
      assertThatThrownBy(() -> tx.scan("nope"))
          .isInstanceOf(QuacklakeException.class)
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }
  }

  private static VectorSchemaRoot batch(BufferAllocator allocator, long[] keys, String prefix) {
    BigIntVector k = new BigIntVector("k", allocator);
    VarCharVector v = new VarCharVector("v", allocator);
    k.allocateNew(keys.length);
    v.allocateNew(keys.length);
    for (int i = 0; i < keys.length; i++) {
      k.set(i, keys[i]);
      v.setSafe(i, (prefix + keys[i]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    k.setValueCount(keys.length);
    v.setValueCount(keys.length);
    VectorSchemaRoot root = VectorSchemaRoot.of(k, v);
    root.setRowCount(keys.length);
    return root;
  }

  private Set<String> parquetFilesOnDisk() throws Exception {
    Path data = temp.resolve("data");
    if (!Files.exists(data)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(data)) {
      return files
          .filter(p -> p.toString().endsWith(".parquet"))
          .map(p -> p.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private Set<String> filesInCatalog() throws Exception {
    Set<String> out = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(TestCatalogs.jdbcUrl(location));
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT path FROM ducklake_data_file UNION ALL SELECT path FROM"
                        + " ducklake_delete_file")) {
      while (rs.next()) {
        String path = rs.getString(1);
        out.add(path.substring(path.lastIndexOf('/') + 1));
      }
    }
    return out;
  }
}
