package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Write with Quacklake, read with Quacklake: appends (inlined and files), deletes, time travel. */
@org.junit.jupiter.api.extension.ExtendWith(io.quacklake.testkit.peer.PeerChecksLakes.class)
class WriteRoundTripTest {
  @TempDir Path temp;

  private static final List<LakeColumn> COLUMNS =
      List.of(
          LakeColumn.of(0, "id", LakeType.of(TypeId.INT64)),
          LakeColumn.of(0, "name", LakeType.of(TypeId.VARCHAR)));

  private static VectorSchemaRoot batch(BufferAllocator a, long from, long to) {
    BigIntVector id = new BigIntVector("id", a);
    VarCharVector name = new VarCharVector("name", a);
    int n = (int) (to - from);
    id.allocateNew(n);
    name.allocateNew(n);
    for (int i = 0; i < n; i++) {
      id.set(i, from + i);
      if ((from + i) % 7 == 0) {
        name.setNull(i);
      } else {
        name.setSafe(i, ("n" + (from + i)).getBytes());
      }
    }
    id.setValueCount(n);
    name.setValueCount(n);
    VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, name));
    root.setRowCount(n);
    return root;
  }

  private static long count(Lake lake, String table, long snapshot) {
    return lake.table(table).scan().asOf(snapshot).count();
  }

  @ParameterizedTest
  @MethodSource("io.quacklake.testkit.TestCatalogs#all")
  void appendsDeletesAndTimeTravel(String kind) {
    String catalog = TestCatalogs.location(kind, temp);
    try (BufferAllocator a = new RootAllocator();
        Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      Snapshot created = lake.createTable("main.t", COLUMNS);
      assertThat(created.changesText()).isEqualTo("{tables_created=[main.t]}");
      assertThat(created.schemaVersion()).isEqualTo(1);

      Snapshot small;
      try (Transaction tx = lake.begin();
          VectorSchemaRoot b = batch(a, 0, 3)) {
        tx.append("t", b);
        small = tx.commit();
      }
      assertThat(small.changesText()).isEqualTo("{inlined_insert=[1]}");

      Snapshot big;
      try (Transaction tx = lake.begin();
          VectorSchemaRoot b = batch(a, 3, 1003)) {
        tx.append("t", b);
        big = tx.commit();
      }
      assertThat(big.changesText()).isEqualTo("{tables_inserted_into=[1]}");
      assertThat(count(lake, "t", big.id())).isEqualTo(1003);

      Snapshot fewDeleted;
      try (Transaction tx = lake.begin()) {
        assertThat(tx.delete("t", "id IN (1, 500, 501)")).isEqualTo(3);
        fewDeleted = tx.commit();
      }
      assertThat(fewDeleted.changesText()).isEqualTo("{inlined_delete=[1]}");

      Snapshot manyDeleted;
      try (Transaction tx = lake.begin()) {
        assertThat(tx.delete("t", "id >= 900 OR id = 2")).isEqualTo(104);
        manyDeleted = tx.commit();
      }
      assertThat(manyDeleted.changesText())
          .isEqualTo("{tables_deleted_from=[1], inlined_delete=[1]}");

      assertThat(count(lake, "t", small.id())).isEqualTo(3);
      assertThat(count(lake, "t", fewDeleted.id())).isEqualTo(1000);
      assertThat(count(lake, "t", manyDeleted.id())).isEqualTo(896);
      assertThat(
              lake.table("t")
                  .scan()
                  .asOf(manyDeleted.id())
                  .filter("id >= 500 AND id < 505")
                  .count())
          .isEqualTo(3);

      try (RowIterator rows = lake.table("t").scan().filter("id < 10").rows()) {
        List<Map<String, Object>> all = rows.toList();
        assertThat(all)
            .extracting(r -> r.get("id"))
            .containsExactlyInAnyOrder(0L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(all)
            .filteredOn(r -> r.get("id").equals(7L))
            .extracting(r -> r.get("name"))
            .containsNull();
      }
      assertThat(lake.snapshots()).extracting(Snapshot::id).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }
  }
}
