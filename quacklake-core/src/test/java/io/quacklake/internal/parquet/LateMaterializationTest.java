package io.quacklake.internal.parquet;

import static io.quacklake.internal.parquet.Reads.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.LongStream;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reader given a row predicate decodes the predicate's column first and the others only for
 * matching rows; what it returns must equal reading everything and filtering afterwards, with
 * deletes, nulls, dictionary and plain pages, nested columns and partial-file snapshots.
 */
class LateMaterializationTest {
  private static final int ROWS = 12_000;
  private static final LakeColumn K = col(1, "k", "int32");
  private static final LakeColumn ID = col(2, "id", "int64");
  private static final LakeColumn TAG = col(3, "tag", "varchar");
  private static final LakeColumn NAME = col(4, "name", "varchar");
  private static final LakeColumn AMOUNT = col(5, "amount", "decimal(10,2)");
  private static final LakeColumn FLAG = col(6, "flag", "boolean");
  private static final LakeColumn X = col(7, "x", "float64");
  private static final LakeColumn LIST = col(8, "l", "list", col(9, "element", "int32"));
  private static final LakeColumn SNAPSHOT =
      col(2147483539, "_ducklake_internal_snapshot_id", "int64");
  private static final List<LakeColumn> COLUMNS =
      List.of(K, ID, TAG, NAME, AMOUNT, FLAG, X, LIST, SNAPSHOT);
  private static final List<LakeColumn> READ = List.of(K, ID, TAG, NAME, AMOUNT, FLAG, X, LIST);

  @TempDir Path dir;

  private Path write(String version) throws Exception {
    Path file = dir.resolve("late-" + version + ".parquet");
    try (DuckDb db = new DuckDb()) {
      db.copy(
          "SELECT CASE WHEN i % 13 = 0 THEN NULL ELSE ((i * 7919) % 1000)::INTEGER END AS k,"
              + " i::BIGINT AS id, 'tag' || (i % 5) AS tag,"
              + " CASE WHEN i % 11 = 0 THEN NULL ELSE 'name-' || i END AS name,"
              + " (i / 100)::DECIMAL(10,2) AS amount, CASE WHEN i % 17 = 0 THEN NULL ELSE i % 3 = 0"
              + " END AS flag, CASE WHEN i % 19 = 0 THEN NULL ELSE (i * 0.5)::DOUBLE END AS x,"
              + " CASE WHEN i % 4 = 0 THEN NULL ELSE [i::INTEGER, NULL] END AS l,"
              + " (i % 5 + 1)::BIGINT AS _ducklake_internal_snapshot_id FROM range("
              + ROWS
              + ") t(i)",
          COLUMNS,
          file,
          "ROW_GROUP_SIZE 5000, PARQUET_VERSION " + version);
    }
    return file;
  }

  /** Rows whose k is not null and passes {@code test}. */
  private static RowPredicate on(IntPredicate test) {
    return new RowPredicate() {
      @Override
      public Set<Long> columnIds() {
        return Set.of(K.id());
      }

      @Override
      public int[] select(VectorSchemaRoot batch) {
        IntVector k = (IntVector) batch.getVector("k");
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < batch.getRowCount(); i++) {
          if (!k.isNull(i) && test.test(k.get(i))) {
            out.add(i);
          }
        }
        return out.size() == batch.getRowCount()
            ? null
            : out.stream().mapToInt(Integer::intValue).toArray();
      }
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"V1", "V2"})
  void matchesReadingEverythingThenFiltering(String version) throws Exception {
    Path file = write(version);
    long[] deleted = LongStream.range(0, ROWS).filter(i -> i % 9 == 4 || i > 11_900).toArray();
    ParquetReadRequest base =
        ParquetReadRequest.of(DuckDb.input(file), READ)
            .withBatchSize(1000)
            .withDeletedPositions(deleted)
            .withMaxSnapshot(4)
            .withRowIdentity(0);
    IntPredicate[] predicates = {
      k -> k < 10, k -> k >= 0, k -> false, k -> k % 2 == 0, k -> k == 999
    };
    for (IntPredicate p : predicates) {
      List<List<Object>> expected = new ArrayList<>();
      for (List<Object> row : Reads.readAll(base).rows()) {
        if (row.get(0) != null && p.test(((Number) row.get(0)).intValue())) {
          expected.add(row);
        }
      }
      Reads.Result late = Reads.readAll(base.withRowPredicate(on(p)));
      assertThat(late.rows()).isEqualTo(expected);
      assertThat(late.metrics().rowsKept()).isEqualTo(Reads.readAll(base).metrics().rowsKept());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"V1"})
  void aPredicateOnANestedOrUnreadColumnIsLeftToTheCaller(String version) throws Exception {
    Path file = write(version);
    RowPredicate onList =
        new RowPredicate() {
          @Override
          public Set<Long> columnIds() {
            return Set.of(LIST.id());
          }

          @Override
          public int[] select(VectorSchemaRoot batch) {
            return new int[0];
          }
        };
    ParquetReadRequest request =
        ParquetReadRequest.of(DuckDb.input(file), READ).withRowPredicate(onList);
    assertThat(Reads.readAll(request).rows()).hasSize(ROWS);
  }

  /** Quacklake's own files carry page indexes: a clustered range reads only overlapping pages. */
  @ParameterizedTest
  @ValueSource(strings = {"V1", "V2"})
  void pageIndexesLimitDecodingToOverlappingPages(String version) throws Exception {
    List<LakeColumn> cols =
        List.of(col(1, "id", "int64"), col(2, "s", "varchar"), col(3, "d", "float64"));
    Path file = dir.resolve("paged-" + version + ".parquet");
    int rows = 100_000;
    ParquetWriteOptions options =
        ParquetWriteOptions.defaults()
            .withRowGroupRows(50_000)
            .withFormatVersion(ParquetFormatVersion.valueOf(version));
    try (org.apache.arrow.memory.RootAllocator allocator =
        new org.apache.arrow.memory.RootAllocator()) {
      ArrowParquetWriter w =
          ArrowParquetWriter.open(
              new io.quacklake.internal.storage.LocalObjectStore(),
              io.quacklake.storage.Location.of(file.toString()),
              cols,
              options);
      for (int from = 0; from < rows; from += 10_000) {
        try (VectorSchemaRoot root =
            VectorSchemaRoot.create(io.quacklake.types.ArrowTypes.schema(cols), allocator)) {
          root.allocateNew();
          for (int k = 0; k < 10_000; k++) {
            long i = from + k;
            WriterTestVectors.set(root.getVector(0), k, i);
            WriterTestVectors.set(
                root.getVector(1),
                k,
                i % 7 == 0 ? null : "value-" + i + "-".repeat((int) (i % 90)));
            WriterTestVectors.set(root.getVector(2), k, i % 5 == 0 ? null : i * 0.25);
          }
          root.setRowCount(10_000);
          w.write(root);
        }
      }
      w.close();
    }
    long[] deleted = LongStream.range(30_000, 31_000).filter(i -> i % 3 == 0).toArray();
    ParquetReadRequest all =
        ParquetReadRequest.of(DuckDb.input(file), cols)
            .withBatchSize(4096)
            .withDeletedPositions(deleted)
            .withRowIdentity(1000);
    long[][] windows = {{30_500, 31_500}, {39_990, 40_010}, {49_900, 50_100}, {99_999, 99_999}};
    for (long[] window : windows) {
      long lo = window[0];
      long hi = window[1];
      RowGroupFilter byStats =
          (stats, n) -> {
            var s = stats.stats(1);
            return s.min() == null || ((Long) s.min() <= hi && (Long) s.max() >= lo);
          };
      RowPredicate byValue =
          new RowPredicate() {
            @Override
            public Set<Long> columnIds() {
              return Set.of(1L);
            }

            @Override
            public int[] select(VectorSchemaRoot batch) {
              var id = (org.apache.arrow.vector.BigIntVector) batch.getVector("id");
              List<Integer> out = new ArrayList<>();
              for (int i = 0; i < batch.getRowCount(); i++) {
                if (!id.isNull(i) && id.get(i) >= lo && id.get(i) <= hi) {
                  out.add(i);
                }
              }
              return out.stream().mapToInt(Integer::intValue).toArray();
            }
          };
      List<List<Object>> expected = new ArrayList<>();
      for (List<Object> row : Reads.readAll(all).rows()) {
        long id = (Long) row.get(0);
        if (id >= lo && id <= hi) {
          expected.add(row);
        }
      }
      Reads.Result late = Reads.readAll(all.withRowGroupFilter(byStats).withRowPredicate(byValue));
      assertThat(late.rows()).as("ids %d..%d", lo, hi).isEqualTo(expected);
      assertThat(late.metrics().rowsRead())
          .as("rows decoded")
          .isPositive()
          .isLessThanOrEqualTo(30_000);
    }
  }
}
