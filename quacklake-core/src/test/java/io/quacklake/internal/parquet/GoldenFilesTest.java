package io.quacklake.internal.parquet;

import static io.quacklake.internal.parquet.Reads.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quacklake.types.LakeColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reads the DuckDB-written files of the golden lakes and compares with DuckDB's reading. */
class GoldenFilesTest {
  private static final Path GOLDEN = golden();

  private static Path golden() {
    String env = System.getenv("QUACKLAKE_GOLDEN_DIR");
    if (env != null) {
      return Path.of(env);
    }
    String root = System.getProperty("quacklake.repo.root");
    Path candidate = root == null ? null : Path.of(root).resolve("../shared/golden").normalize();
    return candidate != null && Files.isDirectory(candidate)
        ? candidate
        : Path.of("/work/shared/golden");
  }

  private static Path only(String folder, boolean deletes) throws IOException {
    Path dir = GOLDEN.resolve(folder);
    assumeTrue(Files.isDirectory(dir), "golden lakes not available at " + GOLDEN);
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith("-delete.parquet") == deletes)
          .filter(p -> p.toString().endsWith(".parquet"))
          .sorted()
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void allTypesFileReadsLikeDuckDb() throws Exception {
    Path file = only("types/data/main/all_types", false);
    List<LakeColumn> columns =
        List.of(
            col(1, "id", "int32"),
            col(2, "b", "boolean"),
            col(3, "i8", "int8"),
            col(4, "i16", "int16"),
            col(5, "i32", "int32"),
            col(6, "i64", "int64"),
            col(7, "u8", "uint8"),
            col(8, "u16", "uint16"),
            col(9, "u32", "uint32"),
            col(10, "u64", "uint64"),
            col(11, "f32", "float32"),
            col(12, "f64", "float64"),
            col(13, "d1", "decimal(4,1)"),
            col(14, "d2", "decimal(18,3)"),
            col(15, "d3", "decimal(38,10)"),
            col(16, "dt", "date"),
            col(17, "tm", "time"),
            col(18, "ts", "timestamp"),
            col(19, "tstz", "timestamptz"),
            col(20, "ts_s", "timestamp_s"),
            col(21, "ts_ms", "timestamp_ms"),
            col(22, "ts_ns", "timestamp_ns"),
            col(23, "iv", "interval"),
            col(24, "s", "varchar"),
            col(25, "bl", "blob"),
            col(26, "u", "uuid"),
            col(27, "j", "json"),
            col(28, "l", "list", col(29, "element", "int32")),
            col(30, "ls", "list", col(31, "element", "varchar")),
            col(32, "st", "struct", col(33, "a", "int32"), col(34, "b", "varchar")),
            col(35, "m", "map", col(36, "key", "varchar"), col(37, "value", "int32")),
            col(
                38,
                "nested",
                "struct",
                col(39, "tags", "list", col(40, "element", "varchar")),
                col(41, "point", "struct", col(42, "x", "float64"), col(43, "y", "float64"))));
    List<List<Object>> expected;
    try (DuckDb db = new DuckDb()) {
      expected = db.read(file, columns);
    }
    // Request a projection in another order: matching is by field id, not position.
    List<LakeColumn> reversed = new java.util.ArrayList<>(columns);
    java.util.Collections.reverse(reversed);
    Reads.Result result = Reads.readAll(ParquetReadRequest.of(DuckDb.input(file), reversed));
    assertThat(result.rows()).hasSameSizeAs(expected).isNotEmpty();
    for (int r = 0; r < expected.size(); r++) {
      List<Object> row = new java.util.ArrayList<>(result.rows().get(r));
      java.util.Collections.reverse(row);
      assertThat(row).isEqualTo(expected.get(r));
    }
  }

  @Test
  void deleteFilesOfThePartitionedLakeMatchDuckDb() throws Exception {
    Path file = only("partitioned/data/main/sales", true);
    long[] positions = PositionDeleteFile.read(DuckDb.input(file), Long.MAX_VALUE);
    try (DuckDb db = new DuckDb()) {
      List<List<Object>> rows =
          db.query("SELECT pos FROM '" + file + "' ORDER BY pos", List.of(col(1, "pos", "int64")));
      assertThat(Arrays.stream(positions).boxed().toList())
          .isEqualTo(rows.stream().map(r -> r.get(0)).toList());
    }
  }

  @Test
  void embeddedRowIdsOfARewrittenFileAreTheRowIdentity() throws Exception {
    Path dir = GOLDEN.resolve("maintenance/data/main/log");
    assumeTrue(Files.isDirectory(dir));
    Path file = dir.resolve("ducklake-01a2022d-11d2-7cda-9edc-061f833f528b.parquet");
    List<LakeColumn> columns = List.of(col(1, "id", "int64"), col(2, "msg", "varchar"));
    List<List<Object>> expected;
    try (DuckDb db = new DuckDb()) {
      expected =
          db.query(
              "SELECT id, msg, file_row_number, _ducklake_internal_row_id FROM read_parquet('"
                  + file
                  + "', file_row_number = true)",
              List.of(
                  col(1, "id", "int64"),
                  col(2, "msg", "varchar"),
                  col(3, "p", "int64"),
                  col(4, "r", "int64")));
    }
    Reads.Result result =
        Reads.readAll(ParquetReadRequest.of(DuckDb.input(file), columns).withRowIdentity(-1));
    // the identity's last column, the recorded snapshot, is NULL: a rewrite records none
    assertThat(result.rows()).allSatisfy(r -> assertThat(r.get(r.size() - 1)).isNull());
    assertThat(result.rows().stream().map(r -> r.subList(0, r.size() - 1)).toList())
        .isEqualTo(expected);
  }

  @Test
  void flushedInlinedFileIsFilteredBySnapshot() throws Exception {
    Path data = only("inlined/data/main/flushed", false);
    List<LakeColumn> columns = List.of(col(1, "k", "int32"), col(2, "v", "varchar"));
    try (DuckDb db = new DuckDb()) {
      List<List<Object>> snapshots =
          db.query(
              "SELECT DISTINCT _ducklake_internal_snapshot_id FROM '" + data + "' ORDER BY 1",
              List.of(col(1, "s", "int64")));
      for (List<Object> s : snapshots) {
        long snapshot = (Long) s.get(0);
        List<List<Object>> expected =
            db.query(
                "SELECT k, v FROM '"
                    + data
                    + "' WHERE _ducklake_internal_snapshot_id <= "
                    + snapshot,
                columns);
        Reads.Result result =
            Reads.readAll(
                ParquetReadRequest.of(DuckDb.input(data), columns).withMaxSnapshot(snapshot));
        assertThat(result.rows()).as("at snapshot %d", snapshot).isEqualTo(expected);
      }
    }
    Path deletes = only("inlined/data/main/flushed", true);
    try (DuckDb db = new DuckDb()) {
      List<List<Object>> rows =
          db.query(
              "SELECT pos FROM '"
                  + deletes
                  + "' WHERE _ducklake_internal_snapshot_id <= 1000"
                  + " ORDER BY pos",
              List.of(col(1, "pos", "int64")));
      assertThat(
              Arrays.stream(PositionDeleteFile.read(DuckDb.input(deletes), 1000)).boxed().toList())
          .isEqualTo(rows.stream().map(r -> r.get(0)).toList());
    }
  }

  @Test
  void footerFactsMatchTheFile() throws Exception {
    Path file = only("types/data/main/all_types", false);
    ParquetFooter footer = ParquetFooter.read(DuckDb.input(file));
    assertThat(footer.fileSize()).isEqualTo(Files.size(file));
    assertThat(footer.rowGroups()).isEqualTo(1);
    assertThat(footer.footerSize()).isPositive().isLessThan(footer.fileSize());
    assertThat(footer.createdBy()).contains("DuckDB");
  }
}
