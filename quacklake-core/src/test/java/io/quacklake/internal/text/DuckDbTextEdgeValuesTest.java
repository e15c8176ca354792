package io.quacklake.internal.text;

import static io.quacklake.internal.text.Columns.decimal;
import static io.quacklake.internal.text.Columns.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Fixed edge values of every primitive type, checked against DuckDB's own text. */
class DuckDbTextEdgeValuesTest {
  private static DuckDbOracle duckdb;
  private BufferAllocator allocator;

  @BeforeAll
  static void openDuckDb() throws Exception {
    duckdb = new DuckDbOracle();
  }

  @AfterAll
  static void closeDuckDb() throws Exception {
    duckdb.close();
  }

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        c(of(TypeId.BOOLEAN), "true", true),
        c(of(TypeId.BOOLEAN), "false", false),
        c(of(TypeId.INT8), "(-128)::TINYINT", -128L),
        c(of(TypeId.INT16), "32767::SMALLINT", 32767L),
        c(of(TypeId.INT32), "(-2147483648)::INTEGER", -2147483648L),
        c(of(TypeId.INT64), "(-9223372036854775808)::BIGINT", Long.MIN_VALUE),
        c(of(TypeId.UINT8), "255::UTINYINT", 255L),
        c(of(TypeId.UINT16), "65535::USMALLINT", 65535L),
        c(of(TypeId.UINT32), "4294967295::UINTEGER", 4294967295L),
        c(
            of(TypeId.UINT64),
            "18446744073709551615::UBIGINT",
            new BigInteger("18446744073709551615")),
        c(
            of(TypeId.INT128),
            "'-170141183460469231731687303715884105728'::HUGEINT",
            BigInteger.ONE.shiftLeft(127).negate()),
        c(
            of(TypeId.INT128),
            "'170141183460469231731687303715884105727'::HUGEINT",
            BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE)),
        c(
            of(TypeId.UINT128),
            "'340282366920938463463374607431768211455'::UHUGEINT",
            BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)),
        c(of(TypeId.FLOAT32), "3.4e38::FLOAT", (double) 3.4e38f),
        c(of(TypeId.FLOAT32), "1.4e-45::FLOAT", (double) Float.MIN_VALUE),
        c(of(TypeId.FLOAT32), "0.1::FLOAT", (double) 0.1f),
        c(of(TypeId.FLOAT32), "-0.0::FLOAT", -0.0),
        c(of(TypeId.FLOAT32), "1e16::FLOAT", (double) 1e16f),
        c(of(TypeId.FLOAT32), "'nan'::FLOAT", Double.NaN),
        c(of(TypeId.FLOAT32), "'-inf'::FLOAT", Double.NEGATIVE_INFINITY),
        c(of(TypeId.FLOAT64), "1.7976931348623157e308::DOUBLE", Double.MAX_VALUE),
        c(of(TypeId.FLOAT64), "4.9e-324::DOUBLE", Double.MIN_VALUE),
        c(of(TypeId.FLOAT64), "1e-5::DOUBLE", 1e-5),
        c(of(TypeId.FLOAT64), "0.0001::DOUBLE", 1e-4),
        c(of(TypeId.FLOAT64), "1e15::DOUBLE", 1e15),
        c(of(TypeId.FLOAT64), "1e16::DOUBLE", 1e16),
        c(of(TypeId.FLOAT64), "9999999999999998::DOUBLE", 9999999999999998.0),
        c(of(TypeId.FLOAT64), "2e23::DOUBLE", 2e23),
        c(of(TypeId.FLOAT64), "10.0::DOUBLE", 10.0),
        c(of(TypeId.FLOAT64), "-2.25::DOUBLE", -2.25),
        c(of(TypeId.FLOAT64), "'inf'::DOUBLE", Double.POSITIVE_INFINITY),
        c(of(TypeId.FLOAT64), "'nan'::DOUBLE", Double.NaN),
        c(of(TypeId.FLOAT64), "-0.0::DOUBLE", -0.0),
        c(of(TypeId.FLOAT64), "0.0::DOUBLE", 0.0),
        c(decimal("d", 4, 1), "-999.9::DECIMAL(4,1)", new BigDecimal("-999.9")),
        c(decimal("d", 4, 1), "0::DECIMAL(4,1)", new BigDecimal("0.0")),
        c(decimal("d", 38, 10), "0.0000000001::DECIMAL(38,10)", new BigDecimal("0.0000000001")),
        c(
            decimal("d", 38, 10),
            "-1234567890123456789012345678.0123456789::DECIMAL(38,10)",
            new BigDecimal("-1234567890123456789012345678.0123456789")),
        c(
            decimal("d", 18, 3),
            "123456789012345.678::DECIMAL(18,3)",
            new BigDecimal("123456789012345.678")),
        c(decimal("d", 5, 0), "-5::DECIMAL(5,0)", new BigDecimal("-5")),
        c(of(TypeId.DATE), "DATE '2262-04-11'", LocalDate.of(2262, 4, 11)),
        c(of(TypeId.DATE), "DATE '0044-03-15 (BC)'", LocalDate.of(-43, 3, 15)),
        c(of(TypeId.DATE), "DATE '0001-12-31 (BC)'", LocalDate.of(0, 12, 31)),
        c(of(TypeId.DATE), "DATE '5877642-06-25'", LocalDate.of(5877642, 6, 25)),
        c(of(TypeId.DATE), "DATE '0099-01-01'", LocalDate.of(99, 1, 1)),
        c(of(TypeId.DATE), "'infinity'::DATE", LocalDate.MAX),
        c(of(TypeId.DATE), "'-infinity'::DATE", LocalDate.MIN),
        c(of(TypeId.TIME), "TIME '23:59:59.999999'", LocalTime.of(23, 59, 59, 999_999_000)),
        c(of(TypeId.TIME), "TIME '12:00:00.5'", LocalTime.of(12, 0, 0, 500_000_000)),
        c(of(TypeId.TIME), "TIME '00:00:00'", LocalTime.MIDNIGHT),
        c(of(TypeId.TIME), "TIME '24:00:00'", LocalTime.MAX),
        c(of(TypeId.TIME_NS), "TIME_NS '12:00:00.000000001'", LocalTime.of(12, 0, 0, 1)),
        c(of(TypeId.TIMETZ), "'12:00:00+00'::TIMETZ", LocalTime.NOON),
        c(
            of(TypeId.TIMESTAMP),
            "TIMESTAMP '2262-04-11 23:47:16.854775'",
            LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_000)),
        c(
            of(TypeId.TIMESTAMP),
            "TIMESTAMP '2024-01-01 00:00:00.00001'",
            LocalDateTime.of(2024, 1, 1, 0, 0, 0, 10_000)),
        c(
            of(TypeId.TIMESTAMP),
            "TIMESTAMP '0001-01-01 00:00:00' - INTERVAL 1 SECOND",
            LocalDateTime.of(0, 12, 31, 23, 59, 59)),
        c(of(TypeId.TIMESTAMP), "'infinity'::TIMESTAMP", LocalDateTime.MAX),
        c(of(TypeId.TIMESTAMP), "'-infinity'::TIMESTAMP", LocalDateTime.MIN),
        c(
            of(TypeId.TIMESTAMP_S),
            "TIMESTAMP_S '2038-01-19 03:14:07'",
            LocalDateTime.of(2038, 1, 19, 3, 14, 7)),
        c(
            of(TypeId.TIMESTAMP_MS),
            "TIMESTAMP_MS '2024-02-29 12:00:00.12'",
            LocalDateTime.of(2024, 2, 29, 12, 0, 0, 120_000_000)),
        c(
            of(TypeId.TIMESTAMP_NS),
            "TIMESTAMP_NS '1970-01-01 00:00:00.000000001'",
            LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1)),
        c(
            of(TypeId.TIMESTAMP_NS),
            "TIMESTAMP_NS '1969-12-31 23:59:59.999999999'",
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999)),
        c(
            of(TypeId.TIMESTAMPTZ),
            "TIMESTAMPTZ '2024-06-30 12:34:56.789+02'",
            Instant.parse("2024-06-30T10:34:56.789Z")),
        c(of(TypeId.TIMESTAMPTZ), "'infinity'::TIMESTAMPTZ", Instant.MAX),
        c(
            of(TypeId.TIMESTAMPTZ_NS),
            "'1960-01-01 00:00:00.123456789+00'::TIMESTAMPTZ_NS",
            Instant.parse("1960-01-01T00:00:00.123456789Z")),
        c(
            of(TypeId.INTERVAL),
            "INTERVAL '1 year 2 months 3 days 04:05:06.789'",
            new Interval(14, 3, 14_706_789_000_000L)),
        c(of(TypeId.INTERVAL), "INTERVAL 1 DAY", new Interval(0, 1, 0)),
        c(of(TypeId.INTERVAL), "INTERVAL 0 SECOND", new Interval(0, 0, 0)),
        c(of(TypeId.INTERVAL), "INTERVAL '-1 year -1 day'", new Interval(-12, -1, 0)),
        c(of(TypeId.INTERVAL), "INTERVAL '-14 months'", new Interval(-14, 0, 0)),
        c(
            of(TypeId.INTERVAL),
            "INTERVAL '1 month -1 hour'",
            new Interval(1, 0, -3_600_000_000_000L)),
        c(
            of(TypeId.INTERVAL),
            "INTERVAL '100000 hours'",
            new Interval(0, 0, 360_000_000_000_000_000L)),
        c(of(TypeId.INTERVAL), "INTERVAL '-0.5 seconds'", new Interval(0, 0, -500_000_000L)),
        c(of(TypeId.VARCHAR), "'héllo wörld ✓'", "héllo wörld ✓"),
        c(of(TypeId.VARCHAR), "''", ""),
        c(
            of(TypeId.VARCHAR),
            "'with ''quote'' and \"dq\" and, comma'",
            "with 'quote' and \"dq\" and, comma"),
        c(of(TypeId.JSON), "'[1,2,{\"b\":null}]'::JSON", "[1,2,{\"b\":null}]"),
        c(of(TypeId.BLOB), "unhex('00FF225C27207E7F1F61')", bytes("00FF225C27207E7F1F61")),
        c(of(TypeId.BLOB), "''::BLOB", new byte[0]),
        c(
            of(TypeId.UUID),
            "'6BA7B810-9DAD-11D1-80B4-00C04FD430C8'::UUID",
            UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8")),
        c(
            of(TypeId.UUID),
            "'ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID",
            UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff")));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void renderFormatAndParseMatchDuckDb(LakeColumn column, String sql, Object value)
      throws Exception {
    String expected = duckdb.cast(sql);

    assertThat(VectorCells.render(allocator, column, value)).as("render").isEqualTo(expected);
    assertThat(DuckDbText.format(value, column)).as("format").isEqualTo(expected);
    Object parsed = DuckDbText.parse(expected, column);
    assertThat(Objects.deepEquals(parsed, value)).as("parse gave %s", parsed).isTrue();
  }

  private static Arguments c(LakeColumn column, String sql, Object value) {
    return Arguments.of(column, sql, value);
  }

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
