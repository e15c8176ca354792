package io.quacklake.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.expr.Expressions;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FilterEvaluationTest {
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  /** The rows of a one-column table {@code x} of {@code type} holding {@code values} that match. */
  private int[] select(LakeType type, String where, Object... values) {
    List<LakeColumn> cols = List.of(LakeColumn.of(7, "x", type));
    List<Object[]> rows = new ArrayList<>();
    Arrays.stream(values).forEach(v -> rows.add(new Object[] {v}));
    try (VectorSchemaRoot root = TestBatch.of(allocator, cols, rows)) {
      return BoundFilter.bind(Expressions.parse(where), cols).select(root).toArray();
    }
  }

  private static LakeType t(TypeId id) {
    return LakeType.of(id);
  }

  @Test
  void integersCompareNumericallyWithoutTruncatingFractions() {
    Object[] v = {9L, 10L, 11L, null};
    assertThat(select(t(TypeId.INT32), "x < 10.5", v)).containsExactly(0, 1);
    assertThat(select(t(TypeId.INT32), "x = 10.5", v)).isEmpty();
    assertThat(select(t(TypeId.INT32), "x <> 10.5", v)).containsExactly(0, 1, 2);
    assertThat(select(t(TypeId.INT32), "x >= 10.0", v)).containsExactly(1, 2);
    assertThat(select(t(TypeId.INT32), "x < 3000000000", v)).containsExactly(0, 1, 2);
    assertThat(select(t(TypeId.INT8), "x > 1000 OR x = -1e300", 1L, null)).isEmpty();
    assertThat(select(t(TypeId.INT16), "10 < x", v)).containsExactly(2);
    assertThat(select(t(TypeId.INT64), "x IN (9, 11.5, NULL, '11')", v)).containsExactly(0, 2);
    assertThat(select(t(TypeId.INT64), "x NOT IN (9, 11)", v)).containsExactly(1);
    assertThat(select(t(TypeId.INT64), "x NOT IN (9, NULL)", v)).isEmpty();
  }

  @Test
  void stringLiteralsAreCastToTheColumnTypeRoundingHalfAwayFromZero() {
    assertThat(select(t(TypeId.INT32), "x = '10.5'", 10L, 11L)).containsExactly(1);
    assertThat(select(LakeType.decimal(3, 1), "x = '1.05'", new BigDecimal("1.1")))
        .containsExactly(0);
    assertThat(select(LakeType.decimal(3, 1), "x = 1.05", new BigDecimal("1.1"))).isEmpty();
  }

  @Test
  void unsignedIntegersCompareUnsigned() {
    BigInteger big = new BigInteger("18446744073709551615");
    assertThat(select(t(TypeId.UINT64), "x > 1", BigInteger.ONE, big)).containsExactly(1);
    assertThat(select(t(TypeId.UINT64), "x > -1", BigInteger.ZERO, big)).containsExactly(0, 1);
    assertThat(select(t(TypeId.UINT64), "x = 18446744073709551615", BigInteger.ZERO, big))
        .containsExactly(1);
    assertThat(select(t(TypeId.UINT8), "x >= 200", 255L, 1L)).containsExactly(0);
    assertThat(select(t(TypeId.UINT16), "x >= 40000", 65535L, 1L)).containsExactly(0);
    assertThat(select(t(TypeId.UINT32), "x > 3000000000", 4294967295L, 1L)).containsExactly(0);
  }

  @Test
  void hugeIntegersAndWideDecimals() {
    BigInteger huge = BigInteger.TWO.pow(100);
    assertThat(select(t(TypeId.INT128), "x > 1e20", huge, BigInteger.ONE.negate()))
        .containsExactly(0);
    assertThat(select(t(TypeId.UINT128), "x BETWEEN 0 AND 5", huge, BigInteger.ONE))
        .containsExactly(1);
    LakeType wide = LakeType.decimal(30, 4);
    assertThat(select(wide, "x < 1.00005", new BigDecimal("1.0000"), new BigDecimal("1.0001")))
        .containsExactly(0);
    assertThat(
            select(
                LakeType.decimal(18, 2),
                "x >= -1.5",
                new BigDecimal("-1.50"),
                new BigDecimal("-1.51")))
        .containsExactly(0);
  }

  @Test
  void floatsFollowDuckDbNanAndRoundingRules() {
    Object[] v = {1.0, Double.NaN, Double.POSITIVE_INFINITY, -0.0, null};
    assertThat(select(t(TypeId.FLOAT64), "x > 1e308", v)).containsExactly(1, 2);
    assertThat(select(t(TypeId.FLOAT64), "x = 'NaN'", v)).containsExactly(1);
    assertThat(select(t(TypeId.FLOAT64), "x <> 'nan'", v)).containsExactly(0, 2, 3);
    assertThat(select(t(TypeId.FLOAT64), "x = 0", v)).containsExactly(3);
    assertThat(select(t(TypeId.FLOAT64), "x < 'inf'", v)).containsExactly(0, 3);
    double f = (double) 0.1f;
    assertThat(select(t(TypeId.FLOAT32), "x = 0.1", f)).containsExactly(0);
    assertThat(select(t(TypeId.FLOAT32), "x = 1e-1", f)).isEmpty();
    assertThat(select(t(TypeId.FLOAT32), "x = '0.1'", f)).containsExactly(0);
  }

  @Test
  void booleansCompareAsZeroAndOne() {
    Object[] v = {true, false, null};
    assertThat(select(t(TypeId.BOOLEAN), "x", v)).containsExactly(0);
    assertThat(select(t(TypeId.BOOLEAN), "NOT x", v)).containsExactly(1);
    assertThat(select(t(TypeId.BOOLEAN), "x = 'yes'", v)).containsExactly(0);
    assertThat(select(t(TypeId.BOOLEAN), "x = 2", v)).isEmpty();
    assertThat(select(t(TypeId.BOOLEAN), "x < true", v)).containsExactly(1);
  }

  @Test
  void datesAndTimestampsShareOneTimeLine() {
    Object[] d = {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), null};
    assertThat(select(t(TypeId.DATE), "x = '2024-01-01'", d)).containsExactly(0);
    assertThat(select(t(TypeId.DATE), "x = '2024-01-01 10:00:00'", d)).containsExactly(0);
    assertThat(select(t(TypeId.DATE), "x < TIMESTAMP '2024-01-01 10:00:00'", d)).containsExactly(0);
    assertThat(select(t(TypeId.DATE), "x > TIMESTAMP '2024-01-01 10:00:00'", d)).containsExactly(1);
    Object[] ts = {
      LocalDateTime.of(2024, 1, 1, 10, 0), LocalDateTime.of(2024, 1, 1, 10, 0, 0, 1000)
    };
    for (TypeId id : List.of(TypeId.TIMESTAMP, TypeId.TIMESTAMP_NS)) {
      assertThat(select(t(id), "x > '2024-01-01 10:00:00'", ts)).containsExactly(1);
      assertThat(select(t(id), "x >= DATE '2024-01-01'", ts)).containsExactly(0, 1);
      assertThat(select(t(id), "x = TIMESTAMPTZ '2024-01-01 12:00:00+02'", ts)).containsExactly(0);
    }
    assertThat(select(t(TypeId.TIMESTAMP_S), "x < '2024-01-01 10:00:00.5'", ts[0]))
        .containsExactly(0);
    assertThat(select(t(TypeId.TIMESTAMP_MS), "x = '2024-01-01 10:00:00.0001'", ts[0])).isEmpty();
    Object[] tz = {Instant.parse("2024-01-01T10:00:00Z"), Instant.parse("2024-01-01T11:00:00Z")};
    for (TypeId id : List.of(TypeId.TIMESTAMPTZ, TypeId.TIMESTAMPTZ_NS)) {
      assertThat(select(t(id), "x = TIMESTAMP '2024-01-01 10:00:00'", tz)).containsExactly(0);
      assertThat(select(t(id), "x = '2024-01-01 12:00:00+01'", tz)).containsExactly(1);
    }
  }

  @Test
  void timesAndIntervals() {
    Object[] times = {LocalTime.of(10, 0), LocalTime.of(10, 0, 0, 1000)};
    assertThat(select(t(TypeId.TIME), "x > TIME '10:00:00'", times)).containsExactly(1);
    assertThat(select(t(TypeId.TIME_NS), "x <= '10:00'", times)).containsExactly(0);
    Object[] iv = {
      new Interval(1, 0, 0), new Interval(0, 30, 0), new Interval(0, 0, 3_600_000_000_000L)
    };
    assertThat(select(t(TypeId.INTERVAL), "x = INTERVAL '30 days'", iv)).containsExactly(0, 1);
    assertThat(select(t(TypeId.INTERVAL), "x < '1 day'", iv)).containsExactly(2);
  }

  @Test
  void stringsCompareByUtf8Bytes() {
    Object[] v = {"a", "b", "\uFFFD", "\uD83D\uDE00", "", null};
    assertThat(select(t(TypeId.VARCHAR), "x > '\uFFFD'", v)).containsExactly(3);
    assertThat(select(t(TypeId.VARCHAR), "x < 'b'", v)).containsExactly(0, 4);
    assertThat(select(t(TypeId.VARCHAR), "x IN ('a', 'zz')", v)).containsExactly(0);
    assertThat(select(t(TypeId.JSON), "x NOT IN ('a', 'b')", v)).containsExactly(2, 3, 4);
  }

  @Test
  void blobsAndUuids() {
    byte[] aa = {(byte) 0xAA};
    byte[] ab = "ab".getBytes(StandardCharsets.US_ASCII);
    assertThat(select(t(TypeId.BLOB), "x = '\\xAA'", aa, ab)).containsExactly(0);
    assertThat(select(t(TypeId.BLOB), "x > 'a'", aa, ab)).containsExactly(0, 1);
    UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
    UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
    assertThat(select(t(TypeId.UUID), "x > UUID '80000000-0000-0000-0000-000000000000'", low, high))
        .containsExactly(1);
    assertThat(select(t(TypeId.UUID), "x = '{00000000000000000000000000000001}'", low, high))
        .containsExactly(0);
  }

  @Test
  void threeValuedLogicKeepsOnlyTrueRows() {
    Object[] v = {1L, null};
    assertThat(select(t(TypeId.INT32), "NOT (x = 2)", v)).containsExactly(0);
    assertThat(select(t(TypeId.INT32), "x = NULL OR NOT x = NULL", v)).isEmpty();
    assertThat(select(t(TypeId.INT32), "NOT (x = 2 AND x IS NOT NULL)", v)).containsExactly(0, 1);
    assertThat(select(t(TypeId.INT32), "x IS NULL OR x > 0", v)).containsExactly(0, 1);
    assertThat(select(t(TypeId.INT32), "x NOT BETWEEN NULL AND 0", v)).containsExactly(0);
    assertThat(select(t(TypeId.INT32), "x BETWEEN 1 AND 1", v)).containsExactly(0);
    assertThat(select(t(TypeId.INT32), "NOT x IN (2, NULL)", v)).isEmpty();
    assertThat(select(t(TypeId.INT32), "TRUE", v)).containsExactly(0, 1);
  }

  @Test
  void vectorsAreFoundByColumnIdBeforeName() {
    List<LakeColumn> batchCols =
        List.of(
            LakeColumn.of(1, "X", t(TypeId.INT32)), LakeColumn.of(2, "renamed", t(TypeId.INT32)));
    List<Object[]> rows = List.of(new Object[] {1L, 5L}, new Object[] {5L, 1L});
    List<LakeColumn> tableCols = List.of(LakeColumn.of(2, "x", t(TypeId.INT32)));
    try (VectorSchemaRoot root = TestBatch.of(allocator, batchCols, rows)) {
      BoundFilter f = BoundFilter.bind(Expressions.parse("x = 5"), tableCols);
      assertThat(f.select(root).toArray()).containsExactly(0);
      BoundFilter byName =
          BoundFilter.bind(
              Expressions.parse("x = 5"), List.of(LakeColumn.of(9, "x", t(TypeId.INT32))));
      assertThat(byName.select(root).toArray()).containsExactly(1);
    }
  }
}
