package io.quacklake.internal.parquet;

import static io.quacklake.internal.parquet.Reads.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParquetBatchReaderTypesTest {
  private static final int ROWS = 5000;

  @TempDir Path dir;

  /** (column, DuckDB expression over i) for every primitive DuckLake type DuckDB writes. */
  private static final List<Object[]> PRIMITIVES =
      List.of(
          new Object[] {col(1, "b", "boolean"), "i % 3 = 0"},
          new Object[] {col(2, "i8", "int8"), "((i % 256) - 128)::TINYINT"},
          new Object[] {col(3, "i16", "int16"), "((i * 37) % 65536 - 32768)::SMALLINT"},
          new Object[] {col(4, "i32", "int32"), "(i * 7919 - 1000000)::INTEGER"},
          new Object[] {col(5, "i64", "int64"), "(i * 1234567890123 - 5000000000000)::BIGINT"},
          new Object[] {col(6, "u8", "uint8"), "(i % 256)::UTINYINT"},
          new Object[] {col(7, "u16", "uint16"), "((i * 61) % 65536)::USMALLINT"},
          new Object[] {col(8, "u32", "uint32"), "(4294967295 - i * 3)::UINTEGER"},
          new Object[] {col(9, "u64", "uint64"), "(18446744073709551615 - i * 7)::UBIGINT"},
          new Object[] {col(10, "f32", "float32"), "(i / 3.0 - 100)::FLOAT"},
          new Object[] {col(11, "f64", "float64"), "(i * 1.5e10 - 3.25)::DOUBLE"},
          new Object[] {col(12, "d1", "decimal(4,1)"), "(((i % 1999) - 999) / 10)::DECIMAL(4,1)"},
          new Object[] {
            col(13, "d2", "decimal(18,3)"), "((i - 2500) * 1234567.891)::DECIMAL(18,3)"
          },
          new Object[] {
            col(14, "d3", "decimal(38,10)"),
            "((i - 2500) * 12345678901234.123456789::DECIMAL(38,10))::DECIMAL(38,10)"
          },
          new Object[] {col(15, "dt", "date"), "DATE '1950-01-01' + (i * 53)::INTEGER"},
          new Object[] {
            col(16, "tm", "time"), "TIME '00:00:00' + to_microseconds((i * 86399123) % 86400000000)"
          },
          new Object[] {
            col(17, "ts", "timestamp"), "TIMESTAMP '1960-01-01' + to_microseconds(i * 123456789012)"
          },
          new Object[] {
            col(18, "tstz", "timestamptz"),
            "(TIMESTAMP '1960-01-01' + to_microseconds(i * 98765432101))::TIMESTAMPTZ"
          },
          new Object[] {
            col(19, "ts_s", "timestamp_s"),
            "(TIMESTAMP '2001-01-01' + to_seconds(i * 86399))::TIMESTAMP_S"
          },
          new Object[] {
            col(20, "ts_ms", "timestamp_ms"),
            "(TIMESTAMP '1901-01-01' + to_milliseconds(i * 123456789))::TIMESTAMP_MS"
          },
          new Object[] {
            col(21, "ts_ns", "timestamp_ns"), "make_timestamp_ns((i - 100) * 1234567890123457)"
          },
          new Object[] {
            col(22, "iv", "interval"),
            "to_months(i % 30) + to_days(i % 40) + to_milliseconds(i * 1234)"
          },
          new Object[] {col(23, "s", "varchar"), "'str_ü_' || i"},
          new Object[] {col(24, "bl", "blob"), "('\\x00\\xFFb' || i)::BLOB"},
          new Object[] {col(25, "u", "uuid"), "md5(i::VARCHAR)::UUID"},
          new Object[] {col(26, "j", "json"), "json_object('k', i)"},
          new Object[] {col(27, "h", "int128"), "((i - 2500) * 1e30)::HUGEINT"},
          new Object[] {col(28, "uh", "uint128"), "(i * 1e30)::UHUGEINT"},
          new Object[] {
            col(29, "tns", "time_ns"), "(TIME '00:00:00' + to_microseconds(i * 1000003))::TIME_NS"
          },
          new Object[] {
            col(30, "tzns", "timestamptz_ns"),
            "make_timestamp_ns(i * 1234567890123457)::TIMESTAMPTZ_NS"
          },
          new Object[] {col(31, "ttz", "timetz"), "('01:02:03+05'::TIMETZ + to_seconds(i))"});

  private static final List<Object[]> NESTED =
      List.of(
          new Object[] {
            col(40, "l", "list", col(41, "element", "int32")),
            "CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN [] ELSE [i::INTEGER, NULL, (i + 1)::INTEGER] END"
          },
          new Object[] {
            col(42, "ls", "list", col(43, "element", "varchar")),
            "CASE WHEN i % 4 = 0 THEN NULL ELSE ['a' || i, NULL, 'b'] END"
          },
          new Object[] {
            col(44, "st", "struct", col(45, "a", "int32"), col(46, "b", "varchar")),
            "CASE WHEN i % 6 = 0 THEN NULL ELSE {'a': CASE WHEN i % 4 = 0 THEN NULL ELSE i::INTEGER"
                + " END, 'b': 'x' || i} END"
          },
          new Object[] {
            col(47, "m", "map", col(48, "key", "varchar"), col(49, "value", "int32")),
            "CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN MAP {} ELSE MAP {'k' || i: i::INTEGER, 'z':"
                + " NULL} END"
          },
          new Object[] {
            col(
                50,
                "nested",
                "struct",
                col(51, "tags", "list", col(52, "element", "varchar")),
                col(53, "point", "struct", col(54, "x", "float64"), col(55, "y", "float64"))),
            "CASE WHEN i % 7 = 0 THEN NULL ELSE {'tags': CASE WHEN i % 3 = 0 THEN NULL ELSE"
                + " ['t' || i] END, 'point': CASE WHEN i % 5 = 0 THEN NULL ELSE {'x': (i * 1.5)::DOUBLE,"
                + " 'y': NULL::DOUBLE} END} END"
          },
          new Object[] {
            col(56, "ll", "list", col(57, "element", "list", col(58, "element", "int32"))),
            "CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN [[]] ELSE [[i::INTEGER], [], NULL,"
                + " [i::INTEGER, NULL]] END"
          },
          new Object[] {
            col(
                59,
                "lst",
                "list",
                col(60, "element", "struct", col(61, "p", "int32"), col(62, "q", "varchar"))),
            "CASE WHEN i % 3 = 0 THEN [] ELSE [{'p': i::INTEGER, 'q': NULL}, NULL, {'p': NULL, 'q':"
                + " 'q' || i}] END"
          },
          new Object[] {
            col(
                63,
                "ms",
                "map",
                col(64, "key", "int32"),
                col(65, "value", "struct", col(66, "v", "int32"))),
            "MAP {i::INTEGER: {'v': i::INTEGER}, (i + 1)::INTEGER: NULL}"
          });

  private Path write(List<Object[]> spec, String options) throws Exception {
    List<LakeColumn> columns = columns(spec);
    StringBuilder select = new StringBuilder("SELECT ");
    for (int k = 0; k < spec.size(); k++) {
      LakeColumn c = columns.get(k);
      String expr = (String) spec.get(k)[1];
      if (k > 0) {
        select.append(", ");
      }
      select
          .append("CASE WHEN i % 11 = ")
          .append(k % 11)
          .append(" THEN NULL ELSE ")
          .append(expr)
          .append(" END AS \"")
          .append(c.name())
          .append('"');
    }
    select.append(" FROM range(").append(ROWS).append(") t(i)");
    Path file = dir.resolve("f.parquet");
    try (DuckDb db = new DuckDb()) {
      db.copy(select.toString(), columns, file, options);
    }
    return file;
  }

  private static List<LakeColumn> columns(List<Object[]> spec) {
    List<LakeColumn> columns = new ArrayList<>();
    for (Object[] s : spec) {
      columns.add((LakeColumn) s[0]);
    }
    return columns;
  }

  private void assertReadsLikeDuckDb(List<Object[]> spec, String options, int batchSize)
      throws Exception {
    Path file = write(spec, options);
    List<LakeColumn> columns = columns(spec);
    List<List<Object>> expected;
    try (DuckDb db = new DuckDb()) {
      expected = db.read(file, columns);
    }
    Reads.Result result =
        Reads.readAll(ParquetReadRequest.of(DuckDb.input(file), columns).withBatchSize(batchSize));
    assertThat(result.schema()).isEqualTo(ArrowTypes.schema(columns));
    assertThat(result.rows()).hasSize(ROWS);
    for (int r = 0; r < ROWS; r++) {
      assertThat(result.rows().get(r)).as("row %d", r).isEqualTo(expected.get(r));
    }
    assertThat(result.metrics().rowGroupsTotal()).isGreaterThan(1);
    assertThat(result.metrics().rowsRead()).isEqualTo(ROWS);
  }

  @Test
  void primitiveTypesReadLikeDuckDb() throws Exception {
    assertReadsLikeDuckDb(PRIMITIVES, "ROW_GROUP_SIZE 2048", 1000);
  }

  @Test
  void nestedTypesReadLikeDuckDb() throws Exception {
    assertReadsLikeDuckDb(NESTED, "ROW_GROUP_SIZE 2048", 777);
  }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "zstd", "gzip", "uncompressed", "lz4"})
  void everyCodecDuckDbWritesIsReadable(String codec) throws Exception {
    List<Object[]> spec = new ArrayList<>(PRIMITIVES.subList(0, 12));
    spec.add(NESTED.get(3));
    spec.add(PRIMITIVES.get(22));
    assertReadsLikeDuckDb(spec, "ROW_GROUP_SIZE 2048, COMPRESSION " + codec, 4096);
  }

  @Test
  void dictionaryAndV2PagesReadLikeDuckDb() throws Exception {
    List<Object[]> spec = new ArrayList<>(PRIMITIVES);
    spec.addAll(NESTED);
    assertReadsLikeDuckDb(spec, "ROW_GROUP_SIZE 2048, PARQUET_VERSION V2", 8192);
  }

  /** Few distinct values per column, so DuckDB dictionary-encodes every one of them. */
  private static final List<Object[]> LOW_CARDINALITY =
      List.of(
          new Object[] {col(70, "li32", "int32"), "(i % 13)::INTEGER"},
          new Object[] {col(71, "li64", "int64"), "(i % 17 * 1000000000000)::BIGINT"},
          new Object[] {col(72, "lf32", "float32"), "(i % 5 / 4)::FLOAT"},
          new Object[] {col(73, "lf64", "float64"), "(i % 7 * 1.25)::DOUBLE"},
          new Object[] {col(74, "ls", "varchar"), "'tag_' || (i % 9)"},
          new Object[] {col(75, "ld", "decimal(9,2)"), "(i % 11 * 1.5)::DECIMAL(9,2)"},
          new Object[] {
            col(76, "lts", "timestamp"), "TIMESTAMP '2020-01-01' + to_hours((i % 6)::BIGINT)"
          });

  @ParameterizedTest
  @ValueSource(strings = {"V1", "V2"})
  void dictionaryPagesOfFlatColumnsReadLikeDuckDb(String version) throws Exception {
    String options = "ROW_GROUP_SIZE 2048, PARQUET_VERSION " + version;
    assertReadsLikeDuckDb(LOW_CARDINALITY, options, 999);
    Path file = write(LOW_CARDINALITY, options);
    try (var reader = ParquetInputFile.open(DuckDb.input(file))) {
      for (var chunk : reader.getFooter().getBlocks().get(0).getColumns()) {
        assertThat(chunk.getEncodings())
            .as(chunk.getPath().toDotString())
            .anyMatch(org.apache.parquet.column.Encoding::usesDictionary);
      }
    }
  }
}
