package io.quacklake.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property test of computed filters (arithmetic, functions, CASE, CAST, intervals): random
 * typed expressions over random rows select exactly the rows DuckDB's {@code WHERE} selects, and
 * where DuckDB fails (an overflow, a failed cast) Quacklake fails too, with INVALID_ARGUMENT.
 */
class ComputedFilterTest {
  private static final List<LakeColumn> COLUMNS =
      List.of(
          LakeColumn.of(1, "i", LakeType.of(TypeId.INT32)),
          LakeColumn.of(2, "b", LakeType.of(TypeId.INT64)),
          LakeColumn.of(3, "t", LakeType.of(TypeId.INT8)),
          LakeColumn.of(4, "d", LakeType.decimal(9, 2)),
          LakeColumn.of(5, "f", LakeType.of(TypeId.FLOAT64)),
          LakeColumn.of(6, "s", LakeType.of(TypeId.VARCHAR)),
          LakeColumn.of(7, "dt", LakeType.of(TypeId.DATE)),
          LakeColumn.of(8, "ts", LakeType.of(TypeId.TIMESTAMP)),
          LakeColumn.of(9, "tz", LakeType.of(TypeId.TIMESTAMPTZ)),
          LakeColumn.of(10, "iv", LakeType.of(TypeId.INTERVAL)),
          LakeColumn.of(11, "bo", LakeType.of(TypeId.BOOLEAN)),
          LakeColumn.of(12, "tns", LakeType.of(TypeId.TIMESTAMP_NS)),
          LakeColumn.of(13, "u", LakeType.of(TypeId.UINT64)));

  private static Connection duckdb;
  private static final java.util.concurrent.atomic.AtomicInteger COMPARED =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger FAILED_ALIKE =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger ORDER_DEPENDENT =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeAll
  static void openDuckDb() throws SQLException {
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duckdb.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
    }
  }

  @AfterAll
  static void closeDuckDb() throws SQLException {
    duckdb.close();
    int total = COMPARED.get() + FAILED_ALIKE.get() + ORDER_DEPENDENT.get();
    System.out.printf(
        "computed filters: %d compared row for row, %d failed in both, %d failed in one engine"
            + " only on a row value (evaluation order)%n",
        COMPARED.get(), FAILED_ALIKE.get(), ORDER_DEPENDENT.get());
    if (total >= 100) {
      assertThat(COMPARED.get())
          .as("most random filters are compared row for row")
          .isGreaterThan(total * 8 / 10);
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, Integer.getInteger("quacklake.computed.seeds", 400));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void selectsWhatDuckDbSelects(int seed) throws SQLException {
    Random random = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    int rowCount = 1 + random.nextInt(25);
    for (int r = 0; r < rowCount; r++) {
      rows.add(COLUMNS.stream().map(c -> value(random, c.type())).toArray());
    }
    String text = new Generator(random).condition(3);
    Expression expr = Expressions.parse(text);
    assertThat(Expressions.parse(expr.toString()).toString()).as(text).isEqualTo(expr.toString());
    String context = "seed " + seed + ": " + text + " (as " + expr + ")";
    List<Integer> expected;
    try {
      expected = duckDb(rows, expr.toString());
    } catch (SQLException e) {
      QuacklakeException mine = quacklakeError(rows, expr);
      if (mine != null) {
        FAILED_ALIKE.incrementAndGet();
      } else {
        assertThat(evaluationError(e.getMessage()))
            .as(context + " fails in DuckDB only, with " + e.getMessage())
            .isTrue();
        ORDER_DEPENDENT.incrementAndGet();
      }
      return;
    }
    List<Integer> actual = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = TestBatch.of(allocator, COLUMNS, rows)) {
      for (int r : BoundFilter.bind(expr, COLUMNS).select(root).toArray()) {
        actual.add(r);
      }
    } catch (QuacklakeException e) {
      if (evaluationError(e.getMessage())) {
        ORDER_DEPENDENT.incrementAndGet();
        return;
      }
      throw new AssertionError(context + " fails only in Quacklake: " + e.getMessage(), e);
    }
    assertThat(actual)
        .as(
            context
                + " on rows "
                + rows.stream().map(java.util.Arrays::toString).collect(Collectors.joining("; ")))
        .isEqualTo(expected);
    COMPARED.incrementAndGet();
  }

  /**
   * Whether a failure comes from a row's value (an overflow, a zero divisor, a value out of a
   * type's range) rather than from the expression. Which rows reach a failing sub-expression
   * depends on the order an engine evaluates conjunctions and disjunctions in, which SQL leaves
   * open, so only such failures may happen in one engine and not the other.
   */
  private static boolean evaluationError(String message) {
    return message.contains("Overflow")
        || message.contains("Division by zero")
        || message.contains("out of range")
        || message.contains("out of its range")
        || message.contains("outside the timestamp range")
        || message.contains("can't be cast to the destination type");
  }

  /** Cases a review found, each with rows that tell right from wrong. */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "d = 1/10",
        "d >= 1/10",
        "d = '0.1'::DOUBLE",
        "i = 7/2 OR i * 1.0 = 3e0",
        "CASE WHEN false THEN b ELSE i END * 1000000000 > 0",
        "CAST(CASE WHEN false THEN 1.5 ELSE 1 END AS VARCHAR) = '1.0'",
        "CAST(tns AS TIMESTAMP) = ts + INTERVAL 123457 MICROSECOND",
        "CAST(tns AS TIMESTAMPTZ) > TIMESTAMPTZ '2024-05-01 13:00:00.1234565+00'",
        "CAST(ts + INTERVAL 1500 MILLISECOND AS TIMESTAMP_S) = ts + INTERVAL 2 SECOND",
        "CAST(date_trunc('century', dt) AS VARCHAR) = '2000-01-01 00:00:00'",
        "date_trunc('millennium', dt) = TIMESTAMP '2000-01-01 00:00:00'",
        "CAST(nullif(i, 2.5) AS VARCHAR) = '3'",
        "false AND 1 % 0 = 1",
        "coalesce(1, 1 % 0) = 1",
        "CASE WHEN coalesce(i, 0) > -100 THEN 1 ELSE 1 % 0 END = 1",
        "CASE WHEN coalesce(i, 0) > -100 THEN 1 ELSE CAST('x' AS INTEGER) END = 1",
        "abs(b) + abs(b) > 0 AND 10 % b = 0",
        "-iv < INTERVAL 0 DAY",
        "ts + -INTERVAL 1 DAY < ts",
        "CAST(-(CAST(0.0 AS DOUBLE)) AS VARCHAR) = '-0.0'",
        "s || i + 1 = 'Abc4'",
        "'x' || 1 + 2 = 'x3'",
        "1 = '1'",
        "'1' = 1",
        "coalesce('1', 2) = 1",
        "coalesce(2, '1') = 2",
        "u > 4 AND u + 0 > 4",
        "dt + t > dt",
        "-(i) = -3",
        "- - i = 3",
      })
  void reviewedCasesSelectWhatDuckDbSelects(String text) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    rows.add(
        new Object[] {
          3L,
          10L,
          1L,
          new BigDecimal("0.10"),
          2.5,
          "Abc",
          LocalDate.of(2024, 5, 1),
          LocalDateTime.of(2024, 5, 1, 13, 0),
          Instant.parse("2024-05-01T13:00:00Z"),
          new Interval(0, 1, 7_200_000_000_000L),
          true,
          LocalDateTime.of(2024, 5, 1, 13, 0, 0, 123_456_789),
          java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE)
        });
    rows.add(
        new Object[] {
          -7L,
          0L,
          -128L,
          new BigDecimal("2.50"),
          -0.0,
          "x",
          LocalDate.of(2024, 1, 31),
          LocalDateTime.of(2024, 1, 31, 0, 0, 0, 500_000_000),
          Instant.parse("2024-01-31T00:00:00Z"),
          new Interval(-1, 0, 0),
          false,
          LocalDateTime.of(2024, 1, 31, 0, 0),
          java.math.BigInteger.valueOf(5)
        });
    rows.add(new Object[COLUMNS.size()]);
    Expression expr = Expressions.parse(text);
    assertThat(Expressions.parse(expr.toString())).as(expr.toString()).isEqualTo(expr);
    List<Integer> expected;
    try {
      expected = duckDb(rows, expr.toString());
    } catch (SQLException e) {
      assertThat(quacklakeError(rows, expr))
          .as(text + " fails in DuckDB: " + e.getMessage())
          .isNotNull();
      return;
    }
    List<Integer> actual = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = TestBatch.of(allocator, COLUMNS, rows)) {
      for (int r : BoundFilter.bind(expr, COLUMNS).select(root).toArray()) {
        actual.add(r);
      }
    }
    assertThat(actual).as(text + " (as " + expr + ")").isEqualTo(expected);
  }

  @Test
  void constantSidesFoldIntoPruningLeaves() {
    Instant now = Instant.now();
    BoundFilter recent =
        BoundFilter.bind(Expressions.parse("tz >= now() - INTERVAL 1 DAY"), COLUMNS);
    long old =
        java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, now.minusSeconds(3 * 86400));
    StatsSource stale =
        id ->
            id == 9
                ? new ColumnStats(
                    Instant.EPOCH.plusSeconds(1),
                    Instant.EPOCH.plus(old, java.time.temporal.ChronoUnit.MICROS),
                    0L,
                    10L,
                    null)
                : ColumnStats.UNKNOWN;
    assertThat(recent.mightMatch(stale))
        .as("a file last written three days ago is pruned")
        .isFalse();
    BoundFilter modulo = BoundFilter.bind(Expressions.parse("i % 10 = 0"), COLUMNS);
    assertThat(modulo.mightMatch(stale)).isTrue();
    assertThat(BoundFilter.bind(Expressions.parse("i = 2 * 3 + 1"), COLUMNS).toString())
        .isEqualTo("i = ((2 * 3) + 1)");
    assertThat(BoundFilter.bind(Expressions.parse("1 + 1 = 2"), COLUMNS).isAlwaysTrue()).isTrue();
    assertThat(BoundFilter.bind(Expressions.parse("NOT (1 + 1 = 2)"), COLUMNS).isAlwaysFalse())
        .isTrue();
  }

  @Test
  void typeErrorsNameTheTypesAndTheFix() {
    assertError("s + 1 = 2", "Cannot apply + to VARCHAR and INTEGER");
    assertError("dt * 2 = 1", "Cannot apply * to DATE and INTEGER");
    assertError("lower(i) = 'a'", "lower() needs VARCHAR here, got INTEGER");
    assertError("frobnicate(i) = 1", "Unknown function frobnicate()", "lower");
    assertError("substr(s) = 'a'", "substr() takes 2 to 3 arguments, got 1");
    assertError("i + 1", "is INTEGER, not BOOLEAN");
    assertError("CAST(dt AS INTEGER) = 1", "Cannot cast DATE to INTEGER");
    assertError("i + 2147483647 = 1 OR 2147483647 + 2147483647 = 0", "Overflow in addition");
  }

  private static void assertError(String text, String... fragments) {
    Object[] nulls = new Object[COLUMNS.size()];
    QuacklakeException e = quacklakeError(List.<Object[]>of(nulls), Expressions.parse(text));
    assertThat(e).as(text).isNotNull();
    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    assertThat(e.getMessage()).contains(fragments);
  }

  private static QuacklakeException quacklakeError(List<Object[]> rows, Expression expr) {
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = TestBatch.of(allocator, COLUMNS, rows)) {
      BoundFilter.bind(expr, COLUMNS).select(root);
      return null;
    } catch (QuacklakeException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
      return e;
    }
  }

  private static List<Integer> duckDb(List<Object[]> rows, String where) throws SQLException {
    String values =
        IntStream.range(0, rows.size())
            .mapToObj(
                r ->
                    r
                        + ", "
                        + IntStream.range(0, COLUMNS.size())
                            .mapToObj(
                                c ->
                                    "CAST("
                                        + duckDbLiteral(rows.get(r)[c], COLUMNS.get(c))
                                        + " AS "
                                        + COLUMNS.get(c).sqlTypeName()
                                        + ")")
                            .collect(Collectors.joining(", ")))
            .collect(Collectors.joining("), (", "(", ")"));
    String names = COLUMNS.stream().map(LakeColumn::name).collect(Collectors.joining(", "));
    String sql =
        "SELECT r FROM (VALUES " + values + ") t(r, " + names + ") WHERE " + where + " ORDER BY r";
    List<Integer> out = new ArrayList<>();
    try (Statement s = duckdb.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  /** A value as DuckDB text; nanosecond timestamps as strings, which DuckDB parses to the ns. */
  private static String duckDbLiteral(Object value, LakeColumn column) {
    if (value != null && column.type().id() == TypeId.TIMESTAMP_NS) {
      return SqlText.literal(io.quacklake.types.ValueText.format(value, column));
    }
    return SqlText.literal(value);
  }

  private static Object value(Random random, LakeType type) {
    if (random.nextInt(7) == 0) {
      return null;
    }
    return switch (type.id()) {
      case INT32 -> pick(random, -7L, -1L, 0L, 1L, 2L, 3L, 10L, 25L, 2_000_000_000L);
      case INT64 -> pick(random, -100L, 0L, 4L, 15L, 9_000_000_000_000_000_000L);
      case INT8 -> pick(random, -128L, -3L, 0L, 5L, 100L, 127L);
      case DECIMAL -> BigDecimal.valueOf(random.nextInt(4001) - 2000, 2);
      case FLOAT64 -> pick(random, -2.5, -0.0, 0.0, 0.5, 1.0, 2.5, 3.75, Double.NaN, 1e300);
      case VARCHAR -> pick(random, "", "a", "Ab", " x ", "héllo", "it's", "12", "aBc%", "Éa");
      case DATE -> LocalDate.of(2024, 1, 30).plusDays(random.nextInt(70) - 35);
      case TIMESTAMP ->
          LocalDateTime.of(2024, 2, 28, 22, 30).plusMinutes(random.nextInt(300) * 17L);
      case TIMESTAMPTZ ->
          Instant.parse("2024-12-31T23:00:00Z").plusSeconds(random.nextInt(200) * 1111L);
      case INTERVAL ->
          pick(
              random,
              new Interval(1, 0, 0),
              new Interval(0, 2, 0),
              new Interval(0, 0, 5_400_000_000_000L),
              new Interval(-1, 3, -60_000_000_000L));
      case BOOLEAN -> random.nextBoolean();
      case TIMESTAMP_NS ->
          LocalDateTime.of(2024, 5, 1, 13, 0).plusNanos(pick(random, 0L, 123_456_789L, 1_500L));
      case UINT64 ->
          pick(
              random,
              java.math.BigInteger.ZERO,
              java.math.BigInteger.valueOf(5),
              java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE));
      default -> throw new IllegalArgumentException(type.toString());
    };
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }

  /** Random well-typed filter text over {@link #COLUMNS}. */
  private static final class Generator {
    private final Random random;

    Generator(Random random) {
      this.random = random;
    }

    String condition(int depth) {
      int dice = random.nextInt(depth <= 0 ? 9 : 13);
      return switch (dice) {
        case 0, 1, 2 -> number(depth - 1) + " " + compare() + " " + number(depth - 1);
        case 3 -> text(depth - 1) + " " + compare() + " " + text(depth - 1);
        case 4 -> temporal(depth - 1) + " " + compare() + " " + temporal(depth - 1);
        case 5 ->
            text(depth - 1)
                + (random.nextBoolean() ? " NOT" : "")
                + (random.nextBoolean() ? " LIKE " : " ILIKE ")
                + pick(random, "'a%'", "'%b%'", "'_'", "'%'", "'h_llo'", "'%''s'", "'é%'");
        case 6 ->
            pick(random, "i", "f", "d")
                + " + "
                + pick(random, "NULL", "0", "NULL")
                + " IS"
                + (random.nextBoolean() ? " NOT" : "")
                + " NULL";
        case 7 ->
            number(depth - 1)
                + (random.nextBoolean() ? " NOT" : "")
                + " BETWEEN "
                + number(depth - 1)
                + " AND "
                + number(depth - 1);
        case 8 ->
            number(depth - 1)
                + " IS"
                + (random.nextBoolean() ? " NOT" : "")
                + " DISTINCT FROM "
                + number(depth - 1);
        case 9 -> "(" + condition(depth - 1) + ") AND (" + condition(depth - 1) + ")";
        case 10 -> "(" + condition(depth - 1) + ") OR (" + condition(depth - 1) + ")";
        case 11 -> "NOT (" + condition(depth - 1) + ")";
        default ->
            number(depth - 1)
                + (random.nextBoolean() ? " NOT" : "")
                + " IN ("
                + number(depth - 1)
                + ", "
                + number(depth - 1)
                + ")";
      };
    }

    private String compare() {
      return pick(random, "=", "<>", "<", "<=", ">", ">=");
    }

    String number(int depth) {
      int dice = random.nextInt(depth <= 0 ? 6 : 18);
      return switch (dice) {
        case 0 -> pick(random, "i", "b", "t");
        case 1 -> pick(random, "d", "f");
        case 2 -> pick(random, "0", "1", "2", "3", "10", "-4", "127", "300", "2147483647");
        case 3 -> pick(random, "0.5", "1.25", "-2.5", "100.00", "1e1");
        case 4 -> pick(random, "i", "t", "d");
        case 5 -> pick(random, "NULL", "i", "t");
        case 6, 7, 8 ->
            "("
                + number(depth - 1)
                + " "
                + pick(random, "+", "-", "*", "/", "%")
                + " "
                + number(depth - 1)
                + ")";
        case 9 -> pick(random, "abs", "floor", "ceil") + "(" + number(depth - 1) + ")";
        case 10 ->
            random.nextBoolean()
                ? "round(" + number(depth - 1) + ")"
                : "round(" + number(depth - 1) + ", " + pick(random, "0", "1", "2", "-1") + ")";
        case 11 -> "length(" + text(depth - 1) + ")";
        case 12 ->
            pick(random, "year", "month", "day", "hour", "minute", "second", "quarter")
                + "("
                + temporal(depth - 1)
                + ")";
        case 13 ->
            "CASE WHEN "
                + condition(depth - 1)
                + " THEN "
                + number(depth - 1)
                + (random.nextBoolean() ? " ELSE " + number(depth - 1) : "")
                + " END";
        case 14 -> "coalesce(" + number(depth - 1) + ", " + number(depth - 1) + ")";
        case 15 ->
            (random.nextBoolean() ? "CAST(" : "TRY_CAST(")
                + number(depth - 1)
                + " AS "
                + pick(
                    random, "INTEGER", "BIGINT", "SMALLINT", "DECIMAL(10,2)", "DOUBLE", "TINYINT")
                + ")";
        case 16 -> "(dt - " + pick(random, "DATE '2024-01-01'", "dt", "current_date") + ")";
        default -> "TRY_CAST(" + text(depth - 1) + " AS INTEGER)";
      };
    }

    String text(int depth) {
      int dice = random.nextInt(depth <= 0 ? 3 : 11);
      return switch (dice) {
        case 0, 1 -> "s";
        case 2 -> pick(random, "'a'", "'ab'", "''", "'12'", "'Éa'", "NULL");
        case 3 ->
            pick(random, "lower", "upper", "trim", "ltrim", "rtrim") + "(" + text(depth - 1) + ")";
        case 4 ->
            "substr("
                + text(depth - 1)
                + ", "
                + pick(random, "0", "1", "2", "-2", "-9", "5")
                + (random.nextBoolean() ? ", " + pick(random, "0", "1", "2", "-1", "9") : "")
                + ")";
        case 5 -> text(depth - 1) + " || " + text(depth - 1);
        case 6 -> "concat(" + text(depth - 1) + ", " + text(depth - 1) + ")";
        case 7 -> "coalesce(" + text(depth - 1) + ", 'z')";
        case 8 -> "CAST(" + pick(random, "i", "b", "t", "d", "dt", "bo") + " AS VARCHAR)";
        case 9 -> "nullif(" + text(depth - 1) + ", 'a')";
        default ->
            "CASE WHEN " + condition(depth - 1) + " THEN " + text(depth - 1) + " ELSE 'q' END";
      };
    }

    String temporal(int depth) {
      int dice = random.nextInt(depth <= 0 ? 4 : 12);
      return switch (dice) {
        case 0 -> "dt";
        case 1 -> "ts";
        case 2 -> "tz";
        case 3 ->
            pick(
                random,
                "DATE '2024-02-29'",
                "TIMESTAMP '2024-03-01 01:02:03'",
                "TIMESTAMPTZ '2025-01-01 00:00:00+00'");
        case 4 -> "(dt " + pick(random, "+", "-") + " " + pick(random, "1", "i", "t", "30") + ")";
        case 5, 6 ->
            "("
                + pick(random, "dt", "ts", "tz")
                + " "
                + pick(random, "+", "-")
                + " "
                + pick(
                    random,
                    "iv",
                    "INTERVAL 1 DAY",
                    "INTERVAL '1 month'",
                    "INTERVAL 90 MINUTES",
                    "INTERVAL '1 year 2 hours'")
                + ")";
        case 7 ->
            "date_trunc('"
                + pick(random, "year", "quarter", "month", "week", "day", "hour", "minute")
                + "', "
                + pick(random, "dt", "ts", "tz")
                + ")";
        case 8 -> "CAST(" + pick(random, "ts", "tz") + " AS DATE)";
        case 9 -> "CAST(dt AS TIMESTAMP)";
        case 10 -> "(now() - INTERVAL " + pick(random, "1", "1000") + " DAY)";
        default -> "CASE WHEN " + condition(depth - 1) + " THEN dt ELSE ts END";
      };
    }
  }
}
