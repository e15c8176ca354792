package io.quacklake.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.DataFileInfo;
import io.quacklake.Lake;
import io.quacklake.RowIterator;
import io.quacklake.TableAppender;
import io.quacklake.Transaction;
import io.quacklake.types.ColumnDefinitions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Appends arriving batch by batch in one transaction fill files up to the target size (one file
 * each made many small files); the open file is finished before the transaction reads its own rows
 * or commits, and given up when it rolls back.
 */
class AppendFilesTest {
  @TempDir Path temp;
  private BufferAllocator allocator;
  private Lake lake;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    lake = Lake.create("sqlite:" + temp.resolve("lake.sqlite"), temp.resolve("data") + "/");
    lake.createTable("t", ColumnDefinitions.parse("id BIGINT, s VARCHAR"));
  }

  @AfterEach
  void tearDown() {
    lake.close();
    allocator.close();
  }

  @Test
  void appendsInOneTransactionFillOneFile() {
    try (Transaction tx = lake.begin();
        TableAppender appender = tx.appender("t")) {
      for (int b = 0; b < 30; b++) {
        append(appender, b * 1000, 1000);
      }
      tx.commit();
    }
    List<DataFileInfo> files = lake.table("t").scan().files();
    assertThat(files).hasSize(1);
    assertThat(files.get(0).recordCount()).isEqualTo(30_000);
    assertInOrder(30_000);
  }

  @Test
  void filesRollAtTheTargetSize() {
    lake.setOption("target_file_size", "100KB");
    try (Transaction tx = lake.begin()) {
      try (TableAppender appender = tx.appender("t")) {
        for (int b = 0; b < 30; b++) {
          append(appender, b * 1000, 1000);
        }
      }
      tx.commit();
    }
    List<DataFileInfo> files = lake.table("t").scan().files();
    assertThat(files).hasSizeBetween(2, 29);
    assertThat(files.stream().mapToLong(DataFileInfo::recordCount).sum()).isEqualTo(30_000);
    assertInOrder(30_000);
  }

  @Test
  void readsInTheTransactionSeeRowsStillBeingAppended() {
    try (Transaction tx = lake.begin()) {
      TableAppender appender = tx.appender("t");
      append(appender, 0, 1000);
      assertThat(tx.scan("t").count()).isEqualTo(1000);
      append(appender, 1000, 1000);
      assertThat(tx.scan("t").filter("id >= 1500").count()).isEqualTo(500);
      tx.delete("t", "id < 10");
      append(appender, 2000, 1000);
      append(tx, 3000, 1000);
      tx.commit();
    }
    assertThat(lake.table("t").scan().count()).isEqualTo(3990);
    assertThat(lake.table("t").scan().files()).as("each seal ends a file").hasSize(4);
  }

  @Test
  void rollbackGivesUpTheOpenFile() throws Exception {
    try (Transaction tx = lake.begin()) {
      append(tx.appender("t"), 0, 1000);
      tx.rollback();
    }
    try (Transaction tx = lake.begin()) {
      append(tx.appender("t"), 0, 1000);
    }
    try (Stream<Path> all = Files.walk(temp.resolve("data"))) {
      assertThat(all.filter(Files::isRegularFile).toList()).as("nothing left behind").isEmpty();
    }
    assertThat(lake.table("t").scan().count()).isZero();
  }

  @Test
  void aBatchThatFailsBeforeAnyFileKeepsTheTransactionUsable() {
    try (Transaction tx = lake.begin()) {
      append(tx, 0, 10);
      try (BigIntVector id = new BigIntVector("other", allocator)) {
        id.allocateNew(1);
        id.set(0, 1);
        id.setValueCount(1);
        VectorSchemaRoot wrong = new VectorSchemaRoot(List.of(id));
        wrong.setRowCount(1);
        assertThatThrownBy(() -> tx.append("t", wrong)).hasMessageContaining("other");
      }
      tx.commit();
    }
    assertThat(lake.table("t").scan().count()).isEqualTo(10);
  }

  private void assertInOrder(long rows) {
    List<Long> ids = new ArrayList<>();
    try (RowIterator it = lake.table("t").scan().select(List.of("id", "rowid")).rows()) {
      it.forEachRemaining(
          r -> {
            assertThat(r.get("rowid")).as("row ids follow append order").isEqualTo(r.get("id"));
            ids.add((Long) r.get("id"));
          });
    }
    assertThat(ids.stream().sorted().toList())
        .isEqualTo(java.util.stream.LongStream.range(0, rows).boxed().toList());
  }

  private void append(Transaction tx, long from, int n) {
    try (VectorSchemaRoot root = batch(from, n)) {
      tx.append("t", root);
    }
  }

  private void append(TableAppender appender, long from, int n) {
    try (VectorSchemaRoot root = batch(from, n)) {
      appender.append(root);
    }
  }

  private VectorSchemaRoot batch(long from, int n) {
    BigIntVector id = new BigIntVector("id", allocator);
    VarCharVector s = new VarCharVector("s", allocator);
    {
      id.allocateNew(n);
      s.allocateNew(n);
      for (int i = 0; i < n; i++) {
        id.set(i, from + i);
        s.setSafe(i, ("value-" + (from + i) * 7919 % 100_003).getBytes(StandardCharsets.UTF_8));
      }
      id.setValueCount(n);
      s.setValueCount(n);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, s));
      root.setRowCount(n);
      return root;
    }
  }
}
