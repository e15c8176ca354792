package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent transactions on one lake follow DuckDB's conflict rules; losers leave nothing. */
class TransactionConflictTest {
  @TempDir Path temp;
  private BufferAllocator allocator;
  private Lake lake;
  private Lake other;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    String catalog = "sqlite:" + temp.resolve("lake.sqlite");
    lake = Lake.create(catalog, temp.resolve("data").toString());
    lake.createTable("t", List.of(LakeColumn.of(0, "id", LakeType.of(TypeId.INT64))));
    other = Lake.open(catalog);
    append(lake, 0, 100);
  }

  @AfterEach
  void tearDown() {
    other.close();
    lake.close();
    allocator.close();
  }

  private Snapshot append(Lake l, long from, long to) {
    try (Transaction tx = l.begin();
        BigIntVector id = new BigIntVector("id", allocator)) {
      int n = (int) (to - from);
      id.allocateNew(n);
      for (int i = 0; i < n; i++) {
        id.set(i, from + i);
      }
      id.setValueCount(n);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id));
      root.setRowCount(n);
      tx.append("t", root);
      return tx.commit();
    }
  }

  private long parquetFiles() throws Exception {
    try (Stream<Path> files = Files.walk(temp.resolve("data"))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }

  @Test
  void concurrentInsertsBothCommitWithDenseSnapshots() {
    Transaction a = lake.begin();
    try (Transaction b = other.begin();
        BigIntVector id = new BigIntVector("id", allocator)) {
      id.allocateNew(50);
      for (int i = 0; i < 50; i++) {
        id.set(i, 1000 + i);
      }
      id.setValueCount(50);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id));
      root.setRowCount(50);
      a.append("t", root);
      b.append("t", root);
      Snapshot first = b.commit();
      Snapshot second = a.commit();
      assertThat(second.id()).isEqualTo(first.id() + 1);
    }
    assertThat(lake.table("t").scan().count()).isEqualTo(200);
    assertThat(lake.table("t").scan().filter("id >= 1000").count()).isEqualTo(100);
  }

  @Test
  void deletesOfTheSameFileConflictAndTheLoserLeavesNothing() throws Exception {
    Transaction a = lake.begin();
    Transaction b = other.begin();
    assertThat(a.delete("t", "id < 50")).isEqualTo(50);
    assertThat(b.delete("t", "id >= 60")).isEqualTo(40);
    b.commit();
    long filesBefore = parquetFiles();
    long snapshotsBefore = lake.snapshots().size();
    assertThatThrownBy(a::commit)
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("retry")
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CONFLICT));
    assertThat(parquetFiles()).isEqualTo(filesBefore);
    assertThat(lake.snapshots()).hasSize((int) snapshotsBefore);
    assertThat(lake.table("t").scan().count()).isEqualTo(60);
  }

  @Test
  void insertAfterConcurrentDropConflicts() {
    try (Transaction a = lake.begin();
        BigIntVector id = new BigIntVector("id", allocator)) {
      id.allocateNew(1);
      id.set(0, 7);
      id.setValueCount(1);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id));
      root.setRowCount(1);
      a.append("t", root);
      other.dropTable("t");
      assertThatThrownBy(a::commit)
          .isInstanceOf(QuacklakeException.class)
          .satisfies(
              e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CONFLICT));
    }
    assertThat(lake.tables()).isEmpty();
  }

  @Test
  void rollbackRemovesWrittenFiles() throws Exception {
    long before = parquetFiles();
    try (Transaction tx = lake.begin();
        BigIntVector id = new BigIntVector("id", allocator)) {
      id.allocateNew(100);
      for (int i = 0; i < 100; i++) {
        id.set(i, i);
      }
      id.setValueCount(100);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id));
      root.setRowCount(100);
      tx.append("t", root);
      assertThat(parquetFiles()).isEqualTo(before + 1);
      tx.rollback();
    }
    assertThat(parquetFiles()).isEqualTo(before);
  }
}
