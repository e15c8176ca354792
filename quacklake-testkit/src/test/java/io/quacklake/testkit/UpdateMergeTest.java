package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.MergeResult;
import io.quacklake.RowIterator;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Updates and merges keep row ids and are visible exactly from their snapshot on. */
@org.junit.jupiter.api.extension.ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class UpdateMergeTest {
  @TempDir Path temp;

  private Lake lake(String kind) {
    Lake lake = Lake.create(TestCatalogs.location(kind, temp), temp.resolve("data").toString());
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

  private static Map<Long, String> contents(Lake lake, long snapshot) {
    Map<Long, String> out = new HashMap<>();
    try (RowIterator it = lake.table("kv").scan().asOf(snapshot).rows()) {
      it.forEachRemaining(r -> out.put((Long) r.get("k"), (String) r.get("v")));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void rowApiUpdateOfFileAndInlinedRows(String kind) {
    try (Lake lake = lake(kind)) {
      Snapshot loaded;
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(0, 100, "a"));
        loaded = tx.commit();
      }
      Snapshot few;
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(100, 103, "b"));
        few = tx.commit();
      }
      assertThat(few.changesText()).isEqualTo("{inlined_insert=[1]}");
      Snapshot updated;
      try (Transaction tx = lake.begin()) {
        assertThat(tx.update("kv", Map.of("v", "X"), "k >= 95")).isEqualTo(8);
        updated = tx.commit();
      }
      Map<Long, String> after = contents(lake, updated.id());
      assertThat(after).hasSize(103);
      assertThat(after.get(94L)).isEqualTo("a94");
      assertThat(after.get(95L)).isEqualTo("X");
      assertThat(after.get(102L)).isEqualTo("X");
      assertThat(contents(lake, few.id()).get(95L)).isEqualTo("a95");
      assertThat(contents(lake, loaded.id())).hasSize(100);

      Snapshot big;
      try (Transaction tx = lake.begin()) {
        assertThat(tx.update("kv", Map.of("v", "Y"), "k < 50")).isEqualTo(50);
        big = tx.commit();
      }
      assertThat(big.changesText())
          .contains("tables_inserted_into=[1]")
          .contains("tables_deleted_from=[1]");
      Map<Long, String> last = contents(lake, big.id());
      assertThat(last).hasSize(103);
      assertThat(last.values().stream().filter("Y"::equals).count()).isEqualTo(50);
    }
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void mergeUpdatesMatchesAndInsertsTheRest(String kind) {
    try (Lake lake = lake(kind);
        BufferAllocator a = new RootAllocator()) {
      try (Transaction tx = lake.begin()) {
        tx.insert("kv", rows(0, 50, "a"));
        tx.commit();
      }
      MergeResult result;
      try (Transaction tx = lake.begin();
          BigIntVector k = new BigIntVector("k", a);
          VarCharVector v = new VarCharVector("v", a)) {
        k.allocateNew(30);
        v.allocateNew(30);
        for (int i = 0; i < 30; i++) {
          k.set(i, 40 + i);
          v.setSafe(i, ("m" + (40 + i)).getBytes());
        }
        k.setValueCount(30);
        v.setValueCount(30);
        VectorSchemaRoot batch = new VectorSchemaRoot(List.of(k, v));
        batch.setRowCount(30);
        result = tx.merge("kv", batch, List.of("k"));
        tx.commit();
      }
      assertThat(result.updated()).isEqualTo(10);
      assertThat(result.inserted()).isEqualTo(20);
      Map<Long, String> now = contents(lake, lake.currentSnapshot().id());
      assertThat(now).hasSize(70);
      assertThat(now.get(39L)).isEqualTo("a39");
      assertThat(now.get(40L)).isEqualTo("m40");
      assertThat(now.get(69L)).isEqualTo("m69");
    }
  }

  @Test
  void mergeRejectsDuplicateKeysInTheBatch() {
    try (Lake lake = lake("sqlite");
        BufferAllocator a = new RootAllocator();
        Transaction tx = lake.begin();
        BigIntVector k = new BigIntVector("k", a);
        VarCharVector v = new VarCharVector("v", a)) {
      k.allocateNew(2);
      v.allocateNew(2);
      k.set(0, 1);
      k.set(1, 1);
      v.setSafe(0, "x".getBytes());
      v.setSafe(1, "y".getBytes());
      k.setValueCount(2);
      v.setValueCount(2);
      VectorSchemaRoot batch = new VectorSchemaRoot(List.of(k, v));
      batch.setRowCount(2);
      assertThatThrownBy(() -> tx.merge("kv", batch, List.of("k")))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("twice");
    }
  }
}
