package io.quacklake.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArrowValuesTest {
  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void everyPrimitiveTypeRoundTripsItsCanonicalValue() {
    roundTrip(LakeType.of(TypeId.BOOLEAN), true, false);
    roundTrip(LakeType.of(TypeId.INT8), -128L, 127L);
    roundTrip(LakeType.of(TypeId.UINT32), 0L, 4294967295L);
    roundTrip(LakeType.of(TypeId.UINT64), BigInteger.ZERO, new BigInteger("18446744073709551615"));
    roundTrip(
        LakeType.of(TypeId.INT128),
        BigInteger.ONE.shiftLeft(127).negate(),
        BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE));
    roundTrip(LakeType.of(TypeId.UINT128), BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    roundTrip(LakeType.of(TypeId.FLOAT32), 1.5, Double.NaN);
    roundTrip(LakeType.of(TypeId.FLOAT64), -0.0, Double.MAX_VALUE);
    roundTrip(LakeType.decimal(38, 10), new BigDecimal("-1234567890123456789012345678.0123456789"));
    roundTrip(LakeType.of(TypeId.DATE), LocalDate.of(-43, 3, 15), LocalDate.MAX, LocalDate.MIN);
    roundTrip(LakeType.of(TypeId.TIME), LocalTime.of(23, 59, 59, 999_999_000), LocalTime.MAX);
    roundTrip(LakeType.of(TypeId.TIME_NS), LocalTime.of(0, 0, 0, 1));
    roundTrip(LakeType.of(TypeId.TIMESTAMP), LocalDateTime.of(-5, 1, 1, 0, 0), LocalDateTime.MAX);
    roundTrip(LakeType.of(TypeId.TIMESTAMP_NS), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 1));
    roundTrip(LakeType.of(TypeId.TIMESTAMPTZ), Instant.parse("2024-06-30T10:34:56.789Z"));
    roundTrip(LakeType.of(TypeId.INTERVAL), new Interval(-14, 3, -1_000L));
    roundTrip(LakeType.of(TypeId.VARCHAR), "héllo ✓", "");
    roundTrip(LakeType.of(TypeId.BLOB), new byte[] {0, -1, 92});
    roundTrip(LakeType.of(TypeId.UUID), UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
  }

  @Test
  void friendlyInputsAreConvertedExactly() {
    assertThat(writeRead(LakeType.of(TypeId.INT64), 7)).isEqualTo(7L);
    assertThat(writeRead(LakeType.decimal(5, 2), new BigDecimal("1.5")))
        .isEqualTo(new BigDecimal("1.50"));
    assertThat(writeRead(LakeType.of(TypeId.FLOAT32), 0.1f)).isEqualTo((double) 0.1f);
    assertThat(writeRead(LakeType.of(TypeId.UUID), "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"))
        .isEqualTo(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
    assertThat(
            writeRead(
                LakeType.of(TypeId.TIMESTAMPTZ),
                OffsetDateTime.of(2024, 1, 1, 2, 0, 0, 0, ZoneOffset.ofHours(2))))
        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(writeRead(LakeType.of(TypeId.TIMESTAMP_S), LocalDateTime.of(2024, 1, 1, 0, 0, 1, 9)))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 1));
  }

  @Test
  void wrongClassIsAnInvalidArgumentNamingFieldAndClasses() {
    assertThatThrownBy(() -> writeRead(LakeType.of(TypeId.INT32), "12"))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessageContaining("'c'")
        .hasMessageContaining("Long")
        .hasMessageContaining("java.lang.String");
    assertThatThrownBy(() -> writeRead(LakeType.of(TypeId.INT8), 128L))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> writeRead(LakeType.decimal(5, 2), new BigDecimal("1.555")))
        .hasMessageContaining("scale");
  }

  @Test
  void nestedValuesRoundTripOverManyRowsWithNulls() {
    LakeColumn point =
        new LakeColumn(
            3,
            "point",
            LakeType.of(TypeId.STRUCT),
            true,
            null,
            null,
            List.of(
                LakeColumn.of(4, "x", LakeType.of(TypeId.FLOAT64)),
                LakeColumn.of(5, "y", LakeType.of(TypeId.FLOAT64))));
    LakeColumn points =
        new LakeColumn(
            2,
            "points",
            LakeType.of(TypeId.LIST),
            true,
            null,
            null,
            List.of(rename(point, "element")));
    LakeColumn tags =
        new LakeColumn(
            6,
            "tags",
            LakeType.of(TypeId.MAP),
            true,
            null,
            null,
            List.of(
                LakeColumn.of(7, "key", LakeType.of(TypeId.VARCHAR)),
                new LakeColumn(
                    8,
                    "value",
                    LakeType.of(TypeId.LIST),
                    true,
                    null,
                    null,
                    List.of(LakeColumn.of(9, "element", LakeType.of(TypeId.INT32))))));
    LakeColumn root =
        new LakeColumn(1, "s", LakeType.of(TypeId.STRUCT), true, null, null, List.of(points, tags));

    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      if (i % 7 == 3) {
        rows.add(null);
        continue;
      }
      List<Object> ps = new ArrayList<>();
      for (int j = 0; j < i % 4; j++) {
        ps.add(j == 1 ? null : struct("x", (double) i, "y", j % 3 == 0 ? null : -1.5 * j));
      }
      Map<Object, Object> m = new LinkedHashMap<>();
      for (int j = 0; j < i % 3; j++) {
        m.put("k" + j, j == 1 ? null : Arrays.asList(i, null, j));
      }
      rows.add(struct("points", i % 5 == 0 ? null : ps, "tags", m));
    }
    try (FieldVector v = ArrowTypes.field(root).createVector(allocator)) {
      v.allocateNew();
      for (int i = 0; i < rows.size(); i++) {
        ArrowValues.set(v, i, rows.get(i));
      }
      v.setValueCount(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        assertThat(ArrowValues.get(v, i)).as("row %d", i).isEqualTo(normalise(rows.get(i)));
      }
    }
  }

  private static Object normalise(Object v) {
    if (v instanceof Integer i) {
      return (long) i;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(ArrowValuesTest::normalise).toList();
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, normalise(x)));
      return out;
    }
    return v;
  }

  private static Map<String, Object> struct(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static LakeColumn rename(LakeColumn c, String name) {
    return new LakeColumn(c.id(), name, c.type(), c.nullable(), null, null, c.children());
  }

  private void roundTrip(LakeType type, Object... values) {
    for (Object value : values) {
      Object back = writeRead(type, value);
      if (value instanceof byte[] b) {
        assertThat((byte[]) back).isEqualTo(b);
      } else {
        assertThat(back).as(type.toString()).isEqualTo(value);
      }
    }
    assertThat(writeRead(type, null)).isNull();
  }

  private Object writeRead(LakeType type, Object value) {
    try (FieldVector v = ArrowTypes.field(LakeColumn.of(1, "c", type)).createVector(allocator)) {
      v.allocateNew();
      ArrowValues.set(v, 1, value);
      ArrowValues.set(v, 0, null);
      v.setValueCount(2);
      return ArrowValues.get(v, 1);
    }
  }
}
