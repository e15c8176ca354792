package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear error and leaves the lake exactly as it was. */
class BadInputTest {
  @TempDir Path temp;
  private BufferAllocator allocator;
  private String catalog;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    catalog = "sqlite:" + temp.resolve("lake.sqlite");
    try (Lake lake = Lake.create(catalog, temp.resolve("data").toString())) {
      lake.createTable("t", ColumnDefinitions.parse("id BIGINT NOT NULL, name VARCHAR"));
    }
  }

  @AfterEach
  void tearDown() {
    allocator.close();
  }

  private void assertUnchanged(Lake lake) {
    assertThat(lake.snapshots()).hasSize(2);
    assertThat(lake.table("t").scan().count()).isZero();
  }

  @Test
  void batchWithMissingExtraOrMistypedColumnsIsRejected() {
    try (Lake lake = Lake.open(catalog);
        Transaction tx = lake.begin();
        BigIntVector id = new BigIntVector("id", allocator);
        VarCharVector extra = new VarCharVector("nickname", allocator);
        VarCharVector wrongType = new VarCharVector("id", allocator)) {
      id.allocateNew(1);
      id.set(0, 1);
      id.setValueCount(1);
      extra.allocateNew(1);
      extra.setValueCount(1);
      VectorSchemaRoot missing = new VectorSchemaRoot(List.of(id));
      missing.setRowCount(1);
      assertThatThrownBy(() -> tx.append("t", missing))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("missing column(s) [name]");
      VectorSchemaRoot extraColumn = new VectorSchemaRoot(List.of(id, extra));
      extraColumn.setRowCount(1);
      assertThatThrownBy(() -> tx.append("t", extraColumn))
          .hasMessageContaining("missing column(s) [name]")
          .hasMessageContaining("unknown column(s) [nickname]");
      wrongType.allocateNew(1);
      wrongType.setSafe(0, "1".getBytes());
      wrongType.setValueCount(1);
      VarCharVector name = new VarCharVector("name", allocator);
      name.allocateNew(1);
      name.setValueCount(1);
      VectorSchemaRoot mistyped = new VectorSchemaRoot(List.of(wrongType, name));
      mistyped.setRowCount(1);
      assertThatThrownBy(() -> tx.append("t", mistyped))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("t.id has type BIGINT");
      name.close();
    }
    try (Lake lake = Lake.open(catalog)) {
      assertUnchanged(lake);
    }
  }

  @Test
  void updateCannotSetANotNullColumnToNullInFileOrInlinedRows() {
    try (Lake lake = Lake.open(catalog);
        Transaction tx = lake.begin()) {
      List<Map<String, Object>> rows = new java.util.ArrayList<>();
      for (long id = 0; id < 30; id++) {
        rows.add(Map.of("id", id, "name", "n" + id));
      }
      tx.insert("t", rows);
      tx.commit();
    }
    try (Lake lake = Lake.open(catalog);
        Transaction tx = lake.begin()) {
      tx.insert("t", List.of(Map.of("id", 100L)));
      tx.commit();
    }
    Map<String, Object> toNull = new java.util.HashMap<>();
    toNull.put("id", null);
    for (String where : List.of("id = 3", "id = 100", "true")) {
      try (Lake lake = Lake.open(catalog);
          Transaction tx = lake.begin()) {
        assertThatThrownBy(() -> tx.update("t", toNull, where))
            .isInstanceOf(QuacklakeException.class)
            .hasMessageStartingWith("column main.t.id is NOT NULL, but ")
            .satisfies(
                e ->
                    assertThat(((QuacklakeException) e).kind())
                        .isEqualTo(ErrorKind.INVALID_ARGUMENT));
      }
    }
    try (Lake lake = Lake.open(catalog)) {
      assertThat(lake.snapshots()).hasSize(4);
      assertThat(lake.table("t").scan().filter("id IS NULL").count()).isZero();
      assertThat(lake.table("t").scan().count()).isEqualTo(31);
    }
  }

  @Test
  void nullInNotNullColumnIsRejected() {
    try (Lake lake = Lake.open(catalog);
        Transaction tx = lake.begin();
        BigIntVector id = new BigIntVector("id", allocator);
        VarCharVector name = new VarCharVector("name", allocator)) {
      id.allocateNew(2);
      id.set(0, 1);
      id.setNull(1);
      id.setValueCount(2);
      name.allocateNew(2);
      name.setValueCount(2);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, name));
      root.setRowCount(2);
      assertThatThrownBy(() -> tx.append("t", root))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("NOT NULL")
          .satisfies(
              e ->
                  assertThat(((QuacklakeException) e).kind())
                      .isEqualTo(ErrorKind.INVALID_ARGUMENT));
      assertThatThrownBy(() -> tx.insert("t", List.of(Map.of("name", "no id"))))
          .isInstanceOf(QuacklakeException.class);
    }
    try (Lake lake = Lake.open(catalog)) {
      assertUnchanged(lake);
    }
  }

  @Test
  void dataPathThatCannotBeWrittenFailsCleanly() throws Exception {
    Path blocker = temp.resolve("not-a-directory");
    Files.writeString(blocker, "x");
    try (Lake lake = Lake.open(catalog, LakeOptions.dataPath(blocker.toString()));
        Transaction tx = lake.begin();
        BigIntVector id = new BigIntVector("id", allocator);
        VarCharVector name = new VarCharVector("name", allocator)) {
      int n = 100;
      id.allocateNew(n);
      name.allocateNew(n);
      for (int i = 0; i < n; i++) {
        id.set(i, i);
      }
      id.setValueCount(n);
      name.setValueCount(n);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, name));
      root.setRowCount(n);
      assertThatThrownBy(() -> tx.append("t", root))
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining(blocker.toString())
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNAVAILABLE));
    }
    try (Lake lake = Lake.open(catalog)) {
      assertUnchanged(lake);
    }
  }

  @Test
  void narrowingIntegerBatchIsRejectedButWideningIsAccepted() {
    try (Lake lake = Lake.open(catalog);
        Transaction tx = lake.begin();
        IntVector id = new IntVector("ID", allocator);
        VarCharVector name = new VarCharVector("Name", allocator)) {
      id.allocateNew(1);
      id.set(0, 5);
      id.setValueCount(1);
      name.allocateNew(1);
      name.setSafe(0, "five".getBytes());
      name.setValueCount(1);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, name));
      root.setRowCount(1);
      tx.append("t", root);
      tx.commit();
      assertThat(lake.table("t").scan().filter("id = 5").count()).isEqualTo(1);
    }
  }

  @Test
  void partitionValueThatCannotBecomeADirectoryNameFailsCleanly() {
    String longName = "x".repeat(300);
    try (Lake lake = Lake.open(catalog)) {
      try (Transaction tx = lake.begin()) {
        tx.createTable(
            "p",
            ColumnDefinitions.parse("id BIGINT, name VARCHAR"),
            List.of(new io.quacklake.PartitionField("name", "identity")));
        tx.commit();
      }
      long before = lake.currentSnapshot().id();
      List<Map<String, Object>> rows = new java.util.ArrayList<>();
      for (long i = 0; i < 20; i++) {
        rows.add(Map.of("id", i, "name", i == 19 ? longName : "short"));
      }
      assertThatThrownBy(
              () -> {
                try (Transaction tx = lake.begin()) {
                  tx.insert("p", rows);
                  tx.commit();
                }
              })
          .isInstanceOf(QuacklakeException.class)
          .hasMessageContaining("name=" + longName.substring(0, 20))
          .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
      assertThat(lake.currentSnapshot().id()).isEqualTo(before);
      assertThat(lake.table("p").scan().count()).isZero();
    }
  }
}
