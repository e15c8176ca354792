package io.quacklake.internal.parquet;

import static io.quacklake.internal.parquet.Reads.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.expr.Expressions;
import io.quacklake.internal.scan.Filters;
import io.quacklake.internal.scan.RowFilter;
import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A filtered read decodes the other columns of the kept rows compacted (slot k holds the k-th kept
 * row): it must equal a full read filtered afterwards, with tiny pages (many page boundaries per
 * batch), nulls in every column, plain and dictionary strings, V1 and V2 pages, deletes, row
 * identity, odd batch sizes, sparse and dense selections, and page-index pruning.
 */
class CompactedReadTest {
  private static final List<LakeColumn> COLS =
      List.of(
          col(1, "k", "int32"),
          col(2, "id", "int64"),
          col(3, "s", "varchar"),
          col(4, "t", "varchar"),
          col(5, "d", "float64"),
          col(6, "b", "boolean"),
          col(7, "dec", "decimal(10,2)"),
          col(8, "dt", "date"),
          col(9, "l", "list", col(10, "element", "int32")));

  @TempDir Path dir;

  private Path write(String version, int rows) throws Exception {
    Path file = dir.resolve("f-" + version + ".parquet");
    ParquetWriteOptions options =
        ParquetWriteOptions.defaults()
            .withRowGroupRows(7_000)
            .withPageSizeBytes(700)
            .withFormatVersion(ParquetFormatVersion.valueOf(version));
    try (RootAllocator allocator = new RootAllocator()) {
      ArrowParquetWriter w =
          ArrowParquetWriter.open(
              new LocalObjectStore(), Location.of(file.toString()), COLS, options);
      for (int from = 0; from < rows; from += 2_500) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(COLS), allocator)) {
          root.allocateNew();
          int n = Math.min(2_500, rows - from);
          for (int k = 0; k < n; k++) {
            long i = from + k;
            WriterTestVectors.set(
                root.getVector(0), k, i % 13 == 0 ? null : (int) ((i * 7919) % 1000));
            WriterTestVectors.set(root.getVector(1), k, i);
            WriterTestVectors.set(root.getVector(2), k, i % 7 == 1 ? null : "tag" + (i % 5));
            WriterTestVectors.set(
                root.getVector(3), k, i % 3 == 0 ? null : "name-" + i + "x".repeat((int) (i % 37)));
            WriterTestVectors.set(root.getVector(4), k, i % 4 == 0 ? null : i * 0.5);
            WriterTestVectors.set(root.getVector(5), k, i % 6 == 0 ? null : i % 2 == 0);
            WriterTestVectors.set(
                root.getVector(6), k, i % 9 == 0 ? null : BigDecimal.valueOf(i, 2));
            WriterTestVectors.set(
                root.getVector(7), k, i % 10 == 0 ? null : LocalDate.ofEpochDay(i % 4000));
            WriterTestVectors.set(
                root.getVector(8), k, i % 5 == 0 ? null : List.of((int) i, (int) i + 1));
          }
          root.setRowCount(n);
          w.write(root);
        }
      }
      w.close();
    }
    return file;
  }

  private static Integer k(List<Object> r) {
    return r.get(0) == null ? null : ((Number) r.get(0)).intValue();
  }

  private static long id(List<Object> r) {
    return ((Number) r.get(1)).longValue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"V1", "V2"})
  void filteredEqualsFiltering(String version) throws Exception {
    int rows = 20_000;
    Path file = write(version, rows);
    long[] deleted =
        LongStream.range(0, rows).filter(i -> i % 11 == 3 || (i > 9_000 && i < 9_300)).toArray();
    Object[][] cases = {
      {
        "k BETWEEN 10 AND 20",
        (Predicate<List<Object>>) r -> k(r) != null && k(r) >= 10 && k(r) <= 20
      },
      {"k < 900", (Predicate<List<Object>>) r -> k(r) != null && k(r) < 900},
      {"id >= 5000 AND id < 5100", (Predicate<List<Object>>) r -> id(r) >= 5000 && id(r) < 5100},
      {"id % 3 = 0", (Predicate<List<Object>>) r -> id(r) % 3 == 0},
      {
        "NOT (k BETWEEN 0 AND 500)",
        (Predicate<List<Object>>) r -> k(r) != null && (k(r) < 0 || k(r) > 500)
      },
      {
        "id = 19999 OR id = 0 OR id = 7000",
        (Predicate<List<Object>>) r -> id(r) == 19999 || id(r) == 0 || id(r) == 7000
      },
    };
    for (List<LakeColumn> read : List.of(COLS, COLS.subList(0, 8))) {
      for (int batch : new int[] {1000, 333, 4096}) {
        ParquetReadRequest base =
            ParquetReadRequest.of(DuckDb.input(file), read)
                .withBatchSize(batch)
                .withDeletedPositions(deleted)
                .withRowIdentity(100);
        List<List<Object>> all = Reads.readAll(base).rows();
        for (Object[] c : cases) {
          String sql = (String) c[0];
          @SuppressWarnings("unchecked")
          Predicate<List<Object>> p = (Predicate<List<Object>>) c[1];
          List<List<Object>> expected = all.stream().filter(p).toList();
          RowFilter filter = Filters.bind(Expressions.parse(sql), COLS);
          ParquetReadRequest late = base.withRowPredicate(filter);
          String what = sql + " batch " + batch + " cols " + read.size();
          assertThat(Reads.readAll(late).rows()).as(what).isEqualTo(expected);
          ParquetReadRequest paged =
              late.withRowGroupFilter((stats, n) -> filter.mightMatch(stats));
          assertThat(Reads.readAll(paged).rows()).as("paged " + what).isEqualTo(expected);
        }
      }
    }
  }
}
