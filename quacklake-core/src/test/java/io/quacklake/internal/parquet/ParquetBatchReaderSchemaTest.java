package io.quacklake.internal.parquet;

import static io.quacklake.internal.parquet.Reads.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.expr.ColumnStats;
import io.quacklake.types.LakeColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetBatchReaderSchemaTest {
  @TempDir Path dir;

  @Test
  void narrowerFileTypesAreWidenedToTheTableType() throws Exception {
    String select =
        "SELECT (i - 50)::TINYINT a, (i * 300)::SMALLINT b, (i * 100000)::INTEGER c,"
            + " (i * 2)::UTINYINT d, (4000000000 + i)::UINTEGER e, (i / 4)::FLOAT f,"
            + " (i - 3)::INTEGER g, ((i - 50) / 10)::DECIMAL(4,1) h, (i * 7)::SMALLINT k,"
            + " (i * 1.25)::DECIMAL(9,2) m FROM range(100) t(i)";
    List<LakeColumn> fileColumns =
        List.of(
            col(1, "a", "int8"),
            col(2, "b", "int16"),
            col(3, "c", "int32"),
            col(4, "d", "uint8"),
            col(5, "e", "uint32"),
            col(6, "f", "float32"),
            col(7, "g", "int32"),
            col(8, "h", "decimal(4,1)"),
            col(9, "k", "int16"),
            col(10, "m", "decimal(9,2)"));
    List<LakeColumn> table =
        List.of(
            col(1, "a", "int16"),
            col(2, "b", "int32"),
            col(3, "c", "int64"),
            col(4, "d", "uint16"),
            col(5, "e", "int64"),
            col(6, "f", "float64"),
            col(7, "g", "decimal(12,2)"),
            col(8, "h", "decimal(10,3)"),
            col(9, "k", "float64"),
            col(10, "m", "decimal(20,4)"));
    Path file = dir.resolve("narrow.parquet");
    List<List<Object>> expected;
    try (DuckDb db = new DuckDb()) {
      db.copy(select, fileColumns, file, "");
      expected =
          db.query(
              "SELECT a::SMALLINT, b::INTEGER, c::BIGINT, d::USMALLINT, e::BIGINT, f::DOUBLE,"
                  + " g::DECIMAL(12,2), h::DECIMAL(10,3), k::DOUBLE, m::DECIMAL(20,4) FROM '"
                  + file
                  + "'",
              table);
    }
    Reads.Result result = Reads.readAll(ParquetReadRequest.of(DuckDb.input(file), table));
    assertThat(result.rows()).isEqualTo(expected);
  }

  @Test
  void incompatibleFileTypeIsUnsupported() throws Exception {
    Path file = dir.resolve("text.parquet");
    try (DuckDb db = new DuckDb()) {
      db.copy("SELECT 'x' AS a", List.of(col(1, "a", "varchar")), file, "");
    }
    assertThatThrownBy(
            () ->
                Reads.readAll(
                    ParquetReadRequest.of(DuckDb.input(file), List.of(col(1, "a", "int32")))))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("'a'")
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.UNSUPPORTED));
  }

  @Test
  void notAParquetFileIsCorrupt() throws Exception {
    Path file = dir.resolve("junk.parquet");
    java.nio.file.Files.writeString(file, "this is not parquet at all");
    assertThatThrownBy(
            () ->
                Reads.readAll(
                    ParquetReadRequest.of(DuckDb.input(file), List.of(col(1, "a", "int32")))))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining(file.toString())
        .satisfies(e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.CORRUPT));
  }

  @Test
  void legacyFilesWithoutFieldIdsAreMatchedByPosition() throws Exception {
    Path file = dir.resolve("legacy.parquet");
    try (DuckDb db = new DuckDb()) {
      db.copy(
          "SELECT i::INTEGER AS x, {'p': i::INTEGER} AS y FROM range(3) t(i)", List.of(), file, "");
    }
    List<LakeColumn> table =
        List.of(col(11, "renamed", "int64"), col(12, "st", "struct", col(13, "q", "int32")));
    Reads.Result result = Reads.readAll(ParquetReadRequest.of(DuckDb.input(file), table));
    assertThat(result.rows().get(2)).containsExactly(2L, Map.of("q", 2L));
  }

  @Test
  void rowGroupStatsAreCanonicalValuesOfTheTableType() throws Exception {
    String select =
        "SELECT (i - 10)::INTEGER a, (18446744073709551615 - i)::UBIGINT b, (i * 1.5)::DECIMAL(9,2)"
            + " c, DATE '2020-01-01' + i::INTEGER d, TIMESTAMP '2020-01-01 10:00:00' +"
            + " to_seconds(i) e, (TIMESTAMP '2020-01-01 10:00:00' + to_seconds(i))::TIMESTAMPTZ f,"
            + " 'k' || (100 + i) g, CASE WHEN i % 2 = 0 THEN NULL ELSE i::SMALLINT END h,"
            + " '\\x01\\x02'::BLOB || i::VARCHAR::BLOB bl, CASE WHEN i = 3 THEN"
            + " '00000000-0000-0000-0000-000000000001'::UUID ELSE"
            + " 'ffffffff-0000-0000-0000-000000000000'::UUID END u, (i * 1e20)::HUGEINT hu"
            + " FROM range(20) t(i)";
    List<LakeColumn> file =
        List.of(
            col(1, "a", "int32"),
            col(2, "b", "uint64"),
            col(3, "c", "decimal(9,2)"),
            col(4, "d", "date"),
            col(5, "e", "timestamp"),
            col(6, "f", "timestamptz"),
            col(7, "g", "varchar"),
            col(8, "h", "int16"),
            col(9, "bl", "blob"),
            col(10, "u", "uuid"),
            col(11, "hu", "int128"));
    Path path = dir.resolve("stats.parquet");
    try (DuckDb db = new DuckDb()) {
      db.copy(select, file, path, "");
    }
    List<LakeColumn> table = new java.util.ArrayList<>(file);
    table.set(0, col(1, "a", "int64"));
    table.set(2, col(3, "c", "decimal(18,4)"));
    Map<Long, ColumnStats> seen = new HashMap<>();
    RowGroupFilter capture =
        (stats, rows) -> {
          for (LakeColumn c : table) {
            seen.put(c.id(), stats.stats(c.id()));
          }
          return true;
        };
    Reads.readAll(ParquetReadRequest.of(DuckDb.input(path), table).withRowGroupFilter(capture));

    assertThat(seen.get(1L)).isEqualTo(new ColumnStats(-10L, 9L, 0L, 20L, null));
    assertThat(seen.get(2L).min()).isEqualTo(new BigInteger("18446744073709551596"));
    assertThat(seen.get(2L).max()).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(seen.get(3L).max()).isEqualTo(new BigDecimal("28.5000"));
    assertThat(seen.get(4L).max()).isEqualTo(LocalDate.of(2020, 1, 20));
    assertThat(seen.get(5L).min()).isEqualTo(LocalDateTime.of(2020, 1, 1, 10, 0));
    assertThat(seen.get(6L).max()).isEqualTo(Instant.parse("2020-01-01T10:00:19Z"));
    assertThat(seen.get(7L).min()).isEqualTo("k100");
    assertThat(seen.get(8L)).isEqualTo(new ColumnStats(1L, 19L, 10L, 10L, null));
    assertThat((byte[]) seen.get(9L).min()).containsExactly(1, 2, '0');
    assertThat(seen.get(10L).min())
        .isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    assertThat(seen.get(11L).min()).isNull();
    assertThat(seen.get(11L).nullCount()).isZero();
  }
}
