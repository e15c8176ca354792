package io.quacklake.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.expr.And;
import io.quacklake.expr.Between;
import io.quacklake.expr.ColumnRef;
import io.quacklake.expr.CompareOp;
import io.quacklake.expr.Comparison;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.expr.InList;
import io.quacklake.expr.Literal;
import io.quacklake.expr.Not;
import io.quacklake.expr.Or;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property test: random batches and random filters must select exactly the rows a plain
 * reference evaluator selects, pruning must be sound, and DuckDB must count the same rows.
 */
class RandomizedFilterTest {
  private static final List<LakeType> TYPES =
      List.of(
          t(TypeId.INT32),
          t(TypeId.INT8),
          t(TypeId.INT64),
          t(TypeId.UINT64),
          LakeType.decimal(9, 2),
          LakeType.decimal(25, 3),
          t(TypeId.FLOAT64),
          t(TypeId.FLOAT32),
          t(TypeId.BOOLEAN),
          t(TypeId.VARCHAR),
          t(TypeId.DATE),
          t(TypeId.TIMESTAMP),
          t(TypeId.TIMESTAMPTZ),
          t(TypeId.BLOB),
          t(TypeId.UUID),
          t(TypeId.INTERVAL),
          t(TypeId.TIME),
          t(TypeId.INT128));
  private static final List<LakeColumn> COLUMNS =
      IntStream.range(0, TYPES.size())
          .mapToObj(i -> LakeColumn.of(100 + i, "c" + i, TYPES.get(i)))
          .toList();

  private static Connection duckdb;

  @BeforeAll
  static void openDuckDb() throws SQLException {
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void closeDuckDb() throws SQLException {
    duckdb.close();
  }

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void selectMatchesReferenceAndDuckDbAndPruningIsSound(int seed) throws SQLException {
    Random random = new Random(seed);
    RandomValues values = new RandomValues(random);
    int rowCount = random.nextInt(30);
    List<Object[]> rows = new ArrayList<>();
    for (int r = 0; r < rowCount; r++) {
      rows.add(COLUMNS.stream().map(c -> values.valueOrNull(c.type())).toArray());
    }
    Expression expr = new RandomExpressions(random, values, COLUMNS).expression(3);
    String context = "seed " + seed + ": " + expr;
    BoundFilter filter = BoundFilter.bind(Expressions.parse(expr.toString()), COLUMNS);
    ReferenceEvaluator reference = new ReferenceEvaluator(COLUMNS);
    int[] expected =
        IntStream.range(0, rowCount)
            .filter(r -> Boolean.TRUE.equals(reference.eval(expr, rows.get(r))))
            .toArray();
    int[] actual;
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = TestBatch.of(allocator, COLUMNS, rows)) {
      actual = filter.select(root).toArray();
    }
    assertThat(actual).as(context).containsExactly(expected);
    StatsSource exact = stats(rows, random, false);
    StatsSource degraded = stats(rows, random, true);
    if (actual.length > 0) {
      assertThat(filter.mightMatch(exact)).as("pruned matching batch, " + context).isTrue();
      assertThat(filter.mightMatch(degraded)).as("pruned with degraded stats, " + context).isTrue();
    }
    if (rowCount > 0) {
      assertThat(duckDbCount(rows, expr)).as("DuckDB count, " + context).isEqualTo(actual.length);
    }
  }

  private static StatsSource stats(List<Object[]> rows, Random random, boolean degrade) {
    Map<Long, ColumnStats> byId = new HashMap<>();
    for (int c = 0; c < COLUMNS.size(); c++) {
      TypeId type = COLUMNS.get(c).type().id();
      Object min = null;
      Object max = null;
      long nulls = 0;
      boolean nan = false;
      for (Object[] row : rows) {
        Object v = row[c];
        if (v == null) {
          nulls++;
        } else if (v instanceof Double d && d.isNaN()) {
          nan = true;
        } else {
          min = min == null || ReferenceEvaluator.compare(type, v, min) < 0 ? v : min;
          max = max == null || ReferenceEvaluator.compare(type, v, max) > 0 ? v : max;
        }
      }
      ColumnStats s =
          new ColumnStats(
              min, max, nulls, (long) rows.size() - nulls, type.isFloating() ? nan : null);
      if (degrade) {
        s =
            new ColumnStats(
                random.nextBoolean() ? s.min() : null,
                random.nextBoolean() ? s.max() : null,
                random.nextBoolean() ? s.nullCount() : null,
                random.nextBoolean() ? s.valueCount() : null,
                random.nextBoolean() ? s.containsNan() : null);
      }
      byId.put(COLUMNS.get(c).id(), s);
    }
    return id -> byId.getOrDefault(id, ColumnStats.UNKNOWN);
  }

  private static long duckDbCount(List<Object[]> rows, Expression expr) throws SQLException {
    String values =
        rows.stream()
            .map(
                row ->
                    IntStream.range(0, COLUMNS.size())
                        .mapToObj(
                            c ->
                                "CAST("
                                    + SqlText.literal(row[c])
                                    + " AS "
                                    + COLUMNS.get(c).sqlTypeName()
                                    + ")")
                        .collect(Collectors.joining(", ", "(", ")")))
            .collect(Collectors.joining(", "));
    String names = COLUMNS.stream().map(LakeColumn::name).collect(Collectors.joining(", "));
    String sql = "SELECT count(*) FROM (VALUES " + values + ") t(" + names + ") WHERE " + expr;
    try (Statement s = duckdb.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static LakeType t(TypeId id) {
    return LakeType.of(id);
  }

  /** Random canonical values from small pools, so that equalities hit. */
  static final class RandomValues {
    private final Random random;

    RandomValues(Random random) {
      this.random = random;
    }

    Object valueOrNull(LakeType type) {
      return random.nextInt(6) == 0 ? null : value(type);
    }

    Object value(LakeType type) {
      return switch (type.id()) {
        case INT32 -> pick(-3L, 0L, 1L, 2L, 10L, 2147483647L, -2147483648L);
        case INT8 -> pick(-128L, -1L, 0L, 5L, 127L);
        case INT64 -> pick(Long.MIN_VALUE, -7L, 0L, 7L, Long.MAX_VALUE);
        case UINT64 ->
            pick(
                BigInteger.ZERO,
                BigInteger.TEN,
                BigInteger.ONE.shiftLeft(63),
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        case INT128 ->
            pick(
                BigInteger.ONE.shiftLeft(100).negate(),
                BigInteger.ZERO,
                BigInteger.valueOf(5),
                BigInteger.ONE.shiftLeft(120));
        case DECIMAL ->
            BigDecimal.valueOf(random.nextInt(21) - 10, type.scale())
                .multiply(BigDecimal.valueOf(type.precision() > 18 ? 1_000_000_007L : 37))
                .setScale(type.scale());
        case FLOAT64 ->
            pick(
                -1.5,
                -0.0,
                0.0,
                1.0,
                2.5,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                1e308);
        case FLOAT32 -> pick(-1.5, 0.0, (double) 0.1f, 3.0, Double.NaN, (double) Float.MAX_VALUE);
        case BOOLEAN -> random.nextBoolean();
        case VARCHAR -> pick("", "a", "ab", "b", "B", "é", "\uFFFD", "\uD83D\uDE00", "it's");
        case DATE -> LocalDate.of(2024, 1, 1).plusDays(random.nextInt(5) - 2);
        case TIMESTAMP ->
            LocalDateTime.of(2024, 1, 1, 10, 0).plusNanos(random.nextInt(4) * 500_000_000L);
        case TIMESTAMPTZ ->
            Instant.parse("2024-01-01T10:00:00Z").plusSeconds(random.nextInt(4) * 1800L);
        case TIME -> LocalTime.of(10, 0).plusNanos(random.nextInt(3) * 1000L);
        case BLOB ->
            pick(
                new byte[0],
                new byte[] {0},
                new byte[] {(byte) 0xAA},
                new byte[] {'a', 'b'},
                new byte[] {'a'});
        case UUID ->
            pick(
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.fromString("7fffffff-0000-0000-0000-000000000000"),
                UUID.fromString("ffffffff-0000-0000-0000-000000000000"));
        case INTERVAL ->
            pick(
                new Interval(1, 0, 0),
                new Interval(0, 30, 0),
                new Interval(0, 1, 0),
                new Interval(0, 0, 3_600_000_000_000L),
                new Interval(0, 0, 86_400_000_000_000L));
        default -> throw new IllegalArgumentException(type.toString());
      };
    }

    /** A literal for a column: a value of its kind, a nearby number, or NULL. */
    Object literal(LakeType type) {
      int dice = random.nextInt(10);
      if (dice == 0) {
        return null;
      }
      TypeId id = type.id();
      // DuckDB itself fails to compare a HUGEINT beyond DECIMAL(38) range with a fraction.
      if (dice < 4 && (id.isInteger() || id == TypeId.DECIMAL) && id != TypeId.INT128) {
        return BigDecimal.valueOf(random.nextInt(4001) - 2000, 2 + random.nextInt(3));
      }
      if (dice < 5 && id == TypeId.INT32) {
        return pick(3_000_000_000L, -3_000_000_000L);
      }
      return value(type);
    }

    @SafeVarargs
    final <T> T pick(T... options) {
      return options[random.nextInt(options.length)];
    }
  }

  /** Random filter expressions over the columns. */
  static final class RandomExpressions {
    private final Random random;
    private final RandomValues values;
    private final List<LakeColumn> columns;

    RandomExpressions(Random random, RandomValues values, List<LakeColumn> columns) {
      this.random = random;
      this.values = values;
      this.columns = columns;
    }

    Expression expression(int depth) {
      int dice = random.nextInt(depth <= 0 ? 4 : 7);
      if (dice >= 4) {
        List<Expression> terms = new ArrayList<>();
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
          terms.add(expression(depth - 1));
        }
        return switch (dice) {
          case 4 -> new And(terms);
          case 5 -> new Or(terms);
          default -> new Not(terms.get(0));
        };
      }
      LakeColumn c = columns.get(random.nextInt(columns.size()));
      ColumnRef col = Expressions.col(random.nextInt(4) == 0 ? c.name().toUpperCase() : c.name());
      return switch (dice) {
        case 0 -> col.isNull().negated() == random.nextBoolean() ? col.isNull() : col.isNotNull();
        case 1 -> {
          List<Literal> list = new ArrayList<>();
          int n = 1 + random.nextInt(4);
          for (int i = 0; i < n; i++) {
            list.add(Expressions.lit(values.literal(c.type())));
          }
          yield new InList(col, list, random.nextBoolean());
        }
        case 2 ->
            new Between(
                col,
                Expressions.lit(values.literal(c.type())),
                Expressions.lit(values.literal(c.type())),
                random.nextBoolean());
        default -> {
          CompareOp op = CompareOp.values()[random.nextInt(6)];
          Literal lit = Expressions.lit(values.literal(c.type()));
          yield random.nextBoolean() ? new Comparison(op, col, lit) : new Comparison(op, lit, col);
        }
      };
    }
  }
}
