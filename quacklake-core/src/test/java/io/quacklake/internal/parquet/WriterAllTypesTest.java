package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes every DuckLake type, NULLs and nested values, and reads the file back with DuckDB. */
class WriterAllTypesTest {
  @TempDir Path dir;

  /** A column, the type DuckDB reads it as, and rows 0 and 2 as Java values and SQL literals. */
  record Case(LakeColumn column, String readType, Object v0, String sql0, Object v2, String sql2) {}

  private static long nextId = 2;

  private static LakeColumn col(String name, LakeType type, LakeColumn... children) {
    return new LakeColumn(nextId++, name, type, true, null, null, List.of(children));
  }

  private static LakeType t(TypeId id) {
    return LakeType.of(id);
  }

  static List<Case> cases() {
    nextId = 2;
    List<Case> c = new ArrayList<>();
    c.add(new Case(col("b", t(TypeId.BOOLEAN)), "BOOLEAN", true, "true", false, "false"));
    c.add(new Case(col("i8", t(TypeId.INT8)), "TINYINT", 127L, "127", -128L, "-128"));
    c.add(new Case(col("i16", t(TypeId.INT16)), "SMALLINT", 32767L, "32767", -32768L, "-32768"));
    c.add(
        new Case(
            col("i64", t(TypeId.INT64)),
            "BIGINT",
            Long.MAX_VALUE,
            "9223372036854775807",
            Long.MIN_VALUE,
            "-9223372036854775808"));
    c.add(new Case(col("u8", t(TypeId.UINT8)), "UTINYINT", 255L, "255", 0L, "0"));
    c.add(new Case(col("u16", t(TypeId.UINT16)), "USMALLINT", 65535L, "65535", 1L, "1"));
    c.add(new Case(col("u32", t(TypeId.UINT32)), "UINTEGER", 4294967295L, "4294967295", 7L, "7"));
    c.add(
        new Case(
            col("u64", t(TypeId.UINT64)),
            "UBIGINT",
            new BigInteger("18446744073709551615"),
            "18446744073709551615",
            BigInteger.valueOf(3),
            "3"));
    c.add(
        new Case(
            col("i128", t(TypeId.INT128)),
            "DOUBLE",
            BigInteger.valueOf(12345),
            "12345",
            new BigInteger("-100000000000000000000"),
            "-1e20"));
    c.add(
        new Case(
            col("u128", t(TypeId.UINT128)),
            "DOUBLE",
            BigInteger.ONE.shiftLeft(127),
            "170141183460469231731687303715884105728",
            BigInteger.ZERO,
            "0"));
    c.add(new Case(col("f32", t(TypeId.FLOAT32)), "FLOAT", 1.5, "1.5", Double.NaN, "'nan'"));
    c.add(
        new Case(
            col("f64", t(TypeId.FLOAT64)),
            "DOUBLE",
            -2.25,
            "-2.25",
            Double.POSITIVE_INFINITY,
            "'inf'"));
    c.add(
        new Case(
            col("d5", LakeType.decimal(5, 2)),
            "DECIMAL(5,2)",
            new BigDecimal("1.50"),
            "1.50",
            new BigDecimal("-999.99"),
            "-999.99"));
    c.add(
        new Case(
            col("d18", LakeType.decimal(18, 4)),
            "DECIMAL(18,4)",
            new BigDecimal("12345678901234.5678"),
            "12345678901234.5678",
            new BigDecimal("-0.0001"),
            "-0.0001"));
    c.add(
        new Case(
            col("d38", LakeType.decimal(38, 10)),
            "DECIMAL(38,10)",
            new BigDecimal("1234567890123456789012345678.0123456789"),
            "1234567890123456789012345678.0123456789",
            new BigDecimal("-1.0000000000"),
            "-1"));
    c.add(
        new Case(
            col("dt", t(TypeId.DATE)),
            "DATE",
            LocalDate.of(2024, 2, 29),
            "'2024-02-29'",
            LocalDate.of(1900, 1, 1),
            "'1900-01-01'"));
    c.add(
        new Case(
            col("tm", t(TypeId.TIME)),
            "TIME",
            LocalTime.parse("12:34:56.789012"),
            "'12:34:56.789012'",
            LocalTime.MIDNIGHT,
            "'00:00:00'"));
    c.add(
        new Case(
            col("tm_ns", t(TypeId.TIME_NS)),
            "TIME_NS",
            LocalTime.parse("12:34:56.123456789"),
            "'12:34:56.123456789'",
            LocalTime.parse("23:59:59.999999999"),
            "'23:59:59.999999999'"));
    c.add(
        new Case(
            col("tmtz", t(TypeId.TIMETZ)),
            "TIME WITH TIME ZONE",
            LocalTime.parse("12:34:56"),
            "'12:34:56+00'",
            LocalTime.parse("01:00:00.5"),
            "'01:00:00.5+00'"));
    c.add(
        new Case(
            col("ts", t(TypeId.TIMESTAMP)),
            "TIMESTAMP",
            LocalDateTime.parse("2024-01-02T03:04:05.123456"),
            "'2024-01-02 03:04:05.123456'",
            LocalDateTime.parse("1969-12-31T23:59:59.999999"),
            "'1969-12-31 23:59:59.999999'"));
    c.add(
        new Case(
            col("ts_s", t(TypeId.TIMESTAMP_S)),
            "TIMESTAMP",
            LocalDateTime.parse("2024-01-02T03:04:05"),
            "'2024-01-02 03:04:05'",
            LocalDateTime.parse("1900-01-01T00:00:00"),
            "'1900-01-01 00:00:00'"));
    c.add(
        new Case(
            col("ts_ms", t(TypeId.TIMESTAMP_MS)),
            "TIMESTAMP",
            LocalDateTime.parse("2024-01-02T03:04:05.123"),
            "'2024-01-02 03:04:05.123'",
            LocalDateTime.parse("1969-12-31T23:59:59.001"),
            "'1969-12-31 23:59:59.001'"));
    c.add(
        new Case(
            col("ts_ns", t(TypeId.TIMESTAMP_NS)),
            "TIMESTAMP_NS",
            LocalDateTime.parse("2024-01-02T03:04:05.123456789"),
            "'2024-01-02 03:04:05.123456789'",
            LocalDateTime.parse("2262-04-11T00:00:00"),
            "'2262-04-11 00:00:00'"));
    c.add(
        new Case(
            col("tstz", t(TypeId.TIMESTAMPTZ)),
            "TIMESTAMP WITH TIME ZONE",
            Instant.parse("2024-01-02T03:04:05.123456Z"),
            "'2024-01-02 03:04:05.123456+00'",
            Instant.parse("1950-06-01T00:00:00Z"),
            "'1950-06-01 00:00:00+00'"));
    c.add(
        new Case(
            col("tstz_ns", t(TypeId.TIMESTAMPTZ_NS)),
            "TIMESTAMPTZ_NS",
            Instant.parse("2024-01-02T03:04:05.123456789Z"),
            "'2024-01-02 03:04:05.123456789+00'",
            Instant.parse("2000-01-01T00:00:00Z"),
            "'2000-01-01 00:00:00+00'"));
    c.add(
        new Case(
            col("iv", t(TypeId.INTERVAL)),
            "INTERVAL",
            new Interval(1, 2, 3_004_000_000L),
            "INTERVAL '1 month 2 days 3.004 seconds'",
            new Interval(14, 1, 0),
            "INTERVAL '14 months 1 day'"));
    c.add(new Case(col("s", t(TypeId.VARCHAR)), "VARCHAR", "hello", "'hello'", "ünï😀", "'ünï😀'"));
    c.add(
        new Case(col("j", t(TypeId.JSON)), "JSON", "{\"a\":1}", "'{\"a\":1}'", "[1,2]", "'[1,2]'"));
    c.add(
        new Case(
            col("bl", t(TypeId.BLOB)),
            "BLOB",
            new byte[] {0, (byte) 0xFF, 'A'},
            "'\\x00\\xFFA'",
            new byte[0],
            "''"));
    c.add(
        new Case(
            col("u", t(TypeId.UUID)),
            "UUID",
            UUID.fromString("12345678-1234-5678-9abc-def012345678"),
            "'12345678-1234-5678-9abc-def012345678'",
            UUID.fromString("ffffffff-0000-0000-0000-000000000001"),
            "'ffffffff-0000-0000-0000-000000000001'"));
    c.add(
        new Case(
            col("st", t(TypeId.STRUCT), col("a", t(TypeId.INT32)), col("b", t(TypeId.VARCHAR))),
            "STRUCT(a INTEGER, b VARCHAR)",
            map("a", 1, "b", "x"),
            "{'a': 1, 'b': 'x'}",
            map("a", null, "b", null),
            "{'a': NULL, 'b': NULL}"));
    c.add(
        new Case(
            col("l", t(TypeId.LIST), col("element", t(TypeId.INT32))),
            "INTEGER[]",
            Arrays.asList(1, null, 3),
            "[1, NULL, 3]",
            List.of(),
            "[]"));
    c.add(
        new Case(
            col(
                "m",
                t(TypeId.MAP),
                new LakeColumn(nextId++, "key", t(TypeId.VARCHAR), false, null, null, List.of()),
                col("value", t(TypeId.INT64))),
            "MAP(VARCHAR, BIGINT)",
            map("k1", 10L, "k2", null),
            "MAP {'k1': 10, 'k2': NULL}",
            map(),
            "MAP {}"));
    LakeColumn inner =
        col(
            "element",
            t(TypeId.STRUCT),
            col("x", t(TypeId.INT32)),
            col("y", t(TypeId.LIST), col("element", t(TypeId.VARCHAR))));
    c.add(
        new Case(
            col("ll", t(TypeId.LIST), inner),
            "STRUCT(x INTEGER, y VARCHAR[])[]",
            Arrays.asList(map("x", 1, "y", List.of("a", "b")), map("x", null, "y", null), null),
            "[{'x': 1, 'y': ['a', 'b']}, {'x': NULL, 'y': NULL}, NULL]",
            List.of(map("x", 2, "y", List.of())),
            "[{'x': 2, 'y': []}]"));
    return c;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static List<LakeColumn> columns(List<Case> cases) {
    List<LakeColumn> cols = new ArrayList<>();
    cols.add(new LakeColumn(1, "id", t(TypeId.INT32), false, null, null, List.of()));
    cases.forEach(k -> cols.add(k.column()));
    return cols;
  }

  /** Writes rows 0 and 2 with the cases' values and row 1 all NULL. */
  static WrittenFile writeCases(Path file, List<Case> cases, ParquetWriteOptions options) {
    List<LakeColumn> cols = columns(cases);
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(cols), allocator)) {
      root.allocateNew();
      for (int row = 0; row < 3; row++) {
        WriterTestVectors.set(root.getVector(0), row, row);
        for (int k = 0; k < cases.size(); k++) {
          Case c = cases.get(k);
          Object v = row == 0 ? c.v0() : row == 2 ? c.v2() : null;
          WriterTestVectors.set(root.getVector(k + 1), row, v);
        }
      }
      root.setRowCount(3);
      ArrowParquetWriter w =
          ArrowParquetWriter.open(
              new LocalObjectStore(), Location.of(file.toString()), cols, options);
      w.write(root);
      return w.close();
    }
  }

  @Test
  void duckDbReadsEveryTypeBack() throws Exception {
    List<Case> cases = cases();
    Path file = dir.resolve("all.parquet");
    WrittenFile written = writeCases(file, cases, ParquetWriteOptions.defaults());
    assertThat(written.rowCount()).isEqualTo(3);
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = conn.createStatement()) {
      st.execute("SET TimeZone='UTC'");
      for (Case c : cases) {
        String name = c.column().name();
        for (int row = 0; row < 3; row++) {
          String lit = row == 0 ? c.sql0() : row == 2 ? c.sql2() : "NULL";
          String sql =
              String.format(
                  "SELECT typeof(p.%1$s), CAST(p.%1$s AS VARCHAR), CAST((%2$s)::%3$s AS VARCHAR)"
                      + " FROM read_parquet('%4$s') p WHERE id = %5$d",
                  name, lit, c.readType(), file, row);
          try (ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(name).isTrue();
            assertThat(rs.getString(1)).as("type of %s", name).isEqualTo(c.readType());
            assertThat(rs.getString(2)).as("%s row %d", name, row).isEqualTo(rs.getString(3));
          }
        }
      }
    }
  }

  @Test
  void fileSizeAndFooterLengthMatchTheFile() throws Exception {
    Path file = dir.resolve("facts.parquet");
    WrittenFile written = writeCases(file, cases(), ParquetWriteOptions.defaults());
    assertThat(written.fileSizeBytes()).isEqualTo(Files.size(file));
    byte[] tail = new byte[8];
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(raf.length() - 8);
      raf.readFully(tail);
    }
    long footer =
        (tail[0] & 0xFFL)
            | (tail[1] & 0xFFL) << 8
            | (tail[2] & 0xFFL) << 16
            | (tail[3] & 0xFFL) << 24;
    assertThat(new String(tail, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    assertThat(written.footerSize()).isEqualTo(footer);
    assertThat(written.rowGroupCount()).isEqualTo(1);
  }
}
