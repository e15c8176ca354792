package io.quacklake.internal.text;

import static io.quacklake.internal.text.Columns.decimal;
import static io.quacklake.internal.text.Columns.list;
import static io.quacklake.internal.text.Columns.map;
import static io.quacklake.internal.text.Columns.named;
import static io.quacklake.internal.text.Columns.struct;
import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random values of every type, primitive and nested: {@code render} must equal DuckDB's
 * {@code CAST(x AS VARCHAR)} (primitives) or {@code to_json(x)} (nested), {@code format} its cast
 * text, and {@code parse} must read that text back to the value.
 */
class DuckDbTextRandomValuesTest {
  private static final int SAMPLES_PER_TYPE = 8;
  private static DuckDbOracle duckdb;
  private BufferAllocator allocator;

  static List<LakeColumn> columns() {
    List<LakeColumn> out = new ArrayList<>();
    for (TypeId id : TypeId.values()) {
      if (!id.isNested()
          && id != TypeId.DECIMAL
          && id != TypeId.JSON
          && id != TypeId.VARIANT
          && id != TypeId.GEOMETRY
          && id != TypeId.TIMETZ) {
        out.add(named("c", id));
      }
    }
    out.add(decimal("c", 1, 0));
    out.add(decimal("c", 4, 1));
    out.add(decimal("c", 9, 4));
    out.add(decimal("c", 15, 2));
    out.add(decimal("c", 16, 2));
    out.add(decimal("c", 18, 18));
    out.add(decimal("c", 38, 10));
    out.add(list("l", named("e", TypeId.INT32)));
    out.add(list("l", named("e", TypeId.VARCHAR)));
    out.add(list("l", named("e", TypeId.FLOAT64)));
    out.add(list("l", named("e", TypeId.FLOAT32)));
    out.add(list("l", decimal("e", 10, 2)));
    out.add(list("l", decimal("e", 20, 4)));
    out.add(list("l", named("e", TypeId.TIMESTAMP)));
    out.add(list("l", named("e", TypeId.TIMESTAMPTZ)));
    out.add(list("l", named("e", TypeId.DATE)));
    out.add(list("l", named("e", TypeId.TIME)));
    out.add(list("l", named("e", TypeId.INTERVAL)));
    out.add(list("l", named("e", TypeId.BLOB)));
    out.add(list("l", named("e", TypeId.UUID)));
    out.add(list("l", named("e", TypeId.BOOLEAN)));
    out.add(list("l", named("e", TypeId.INT128)));
    out.add(list("l", named("e", TypeId.UINT64)));
    out.add(list("l", list("e", named("e", TypeId.INT16))));
    out.add(
        struct(
            "s",
            named("a", TypeId.INT32),
            named("b c", TypeId.VARCHAR),
            list("d", named("e", TypeId.FLOAT64))));
    out.add(
        struct(
            "nested",
            list("tags", named("e", TypeId.VARCHAR)),
            struct("point", named("x", TypeId.FLOAT64), named("y", TypeId.FLOAT64))));
    out.add(map("m", named("k", TypeId.VARCHAR), named("v", TypeId.INT32)));
    out.add(map("m", named("k", TypeId.INT32), named("v", TypeId.VARCHAR)));
    out.add(map("m", named("k", TypeId.DATE), named("v", TypeId.FLOAT64)));
    out.add(map("m", named("k", TypeId.VARCHAR), struct("v", named("x", TypeId.INT64))));
    out.add(list("l", map("e", named("k", TypeId.VARCHAR), list("v", named("e", TypeId.BLOB)))));
    return out;
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12);
  }

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

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomValuesMatchDuckDb(long seed) throws Exception {
    Random random = new Random(seed);
    RandomValues values = new RandomValues(random);
    for (LakeColumn column : columns()) {
      for (int i = 0; i < SAMPLES_PER_TYPE; i++) {
        RandomValues.Sample s = values.sample(column);
        String sql = s.sql().replace("TIMESTAMP_NS WITH TIME ZONE", "TIMESTAMPTZ_NS");
        String what = "seed " + seed + ", " + column.sqlTypeName() + ", " + sql;
        boolean nested = column.type().id().isNested();
        List<String> duck =
            duckdb.row(
                "SELECT CAST(" + sql + " AS VARCHAR), CAST(to_json(" + sql + ") AS VARCHAR)");
        String cast = duck.get(0);
        assertThat(VectorCells.render(allocator, column, s.value()))
            .as("render: " + what)
            .isEqualTo(nested ? duck.get(1) : cast);
        assertThat(DuckDbText.format(s.value(), column)).as("format: " + what).isEqualTo(cast);
        Object parsed = DuckDbText.parse(cast, column);
        assertThat(DuckDbText.format(parsed, column)).as("parse: " + what).isEqualTo(cast);
        if (!nested) {
          assertThat(Objects.deepEquals(parsed, s.value())).as("parse: " + what).isTrue();
        }
      }
    }
  }
}
