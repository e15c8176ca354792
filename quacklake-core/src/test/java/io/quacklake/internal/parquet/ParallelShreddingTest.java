package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shredding columns on several threads writes the very same file as one thread. */
class ParallelShreddingTest {
  private static final int ROWS = 30_000;
  private static final List<LakeColumn> COLUMNS =
      List.of(
          new LakeColumn(1, "id", LakeType.of(TypeId.INT64), false, null, null, List.of()),
          LakeColumn.of(2, "name", LakeType.of(TypeId.VARCHAR)),
          new LakeColumn(
              3,
              "tags",
              LakeType.of(TypeId.LIST),
              true,
              null,
              null,
              List.of(LakeColumn.of(4, "element", LakeType.of(TypeId.VARCHAR)))),
          LakeColumn.of(5, "amount", LakeType.of(TypeId.FLOAT64)),
          LakeColumn.of(6, "flag", LakeType.of(TypeId.BOOLEAN)),
          LakeColumn.of(7, "country", LakeType.of(TypeId.VARCHAR)));

  @TempDir Path dir;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void severalThreadsWriteTheSameBytesAsOne() throws Exception {
    Path one = dir.resolve("one.parquet");
    Path four = dir.resolve("four.parquet");
    WrittenFile a = write(one, 1, -1);
    WrittenFile b = write(four, 4, -1);
    assertThat(b.rowCount()).isEqualTo(ROWS);
    assertThat(b.rowGroupCount()).isEqualTo(a.rowGroupCount()).isGreaterThan(1);
    assertThat(Files.readAllBytes(four)).isEqualTo(Files.readAllBytes(one));
  }

  @Test
  void aFailureOnAnotherThreadIsTheWritersFailure() {
    assertThatThrownBy(() -> write(dir.resolve("bad.parquet"), 3, 25_000))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("NOT NULL");
  }

  /** Writes ROWS rows in batches of 7,000; the NOT NULL id is null at {@code nullIdAt}. */
  private WrittenFile write(Path file, int threads, int nullIdAt) {
    ParquetWriteOptions options = ParquetWriteOptions.defaults().withRowGroupRows(10_000);
    try (RootAllocator allocator = new RootAllocator()) {
      ArrowParquetWriter w =
          ArrowParquetWriter.open(
                  new LocalObjectStore(), Location.of(file.toString()), COLUMNS, options)
              .shredOn(executor, threads);
      try {
        for (int start = 0; start < ROWS; start += 7_000) {
          try (VectorSchemaRoot root =
              VectorSchemaRoot.create(ArrowTypes.schema(COLUMNS), allocator)) {
            root.allocateNew();
            int n = Math.min(7_000, ROWS - start);
            for (int k = 0; k < n; k++) {
              int i = start + k;
              WriterTestVectors.set(root.getVector(0), k, i == nullIdAt ? null : (long) i);
              WriterTestVectors.set(root.getVector(1), k, i % 5 == 0 ? null : "name-" + i);
              List<String> tags = new ArrayList<>();
              for (int t = 0; t < i % 4; t++) {
                tags.add("t" + t);
              }
              WriterTestVectors.set(root.getVector(2), k, i % 7 == 0 ? null : tags);
              WriterTestVectors.set(root.getVector(3), k, i % 9 == 0 ? null : i * 0.5);
              WriterTestVectors.set(root.getVector(4), k, i % 3 == 0);
              WriterTestVectors.set(root.getVector(5), k, "c" + (i % 6));
            }
            root.setRowCount(n);
            w.write(root);
          }
        }
      } catch (RuntimeException e) {
        w.abort();
        throw e;
      }
      return w.close();
    }
  }
}
