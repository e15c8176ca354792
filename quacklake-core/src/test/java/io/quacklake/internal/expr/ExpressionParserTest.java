package io.quacklake.internal.expr;

import static io.quacklake.expr.Expressions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Arithmetic;
import io.quacklake.expr.ArithmeticOp;
import io.quacklake.expr.Call;
import io.quacklake.expr.Cast;
import io.quacklake.expr.CompareOp;
import io.quacklake.expr.Comparison;
import io.quacklake.expr.Expression;
import io.quacklake.expr.InList;
import io.quacklake.expr.Literal;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionParserTest {

  @Test
  void builderAndParserAgree() {
    Expression built = col("region").eq("EU").and(col("amount").gt(100));
    assertThat(parse("region = 'EU' AND amount > 100")).isEqualTo(built);
    assertThat(built.toString()).isEqualTo("region = 'EU' AND amount > 100");
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    assertThat(parse("NOT a = 1 AND b = 2 OR c = 3"))
        .isEqualTo(or(and(not(col("a").eq(1)), col("b").eq(2)), col("c").eq(3)));
    assertThat(parse("a = 1 AND (b = 2 OR c = 3)"))
        .isEqualTo(and(col("a").eq(1), or(col("b").eq(2), col("c").eq(3))));
  }

  @Test
  void keywordsAreCaseInsensitiveAndBangEqualsIsNotEqual() {
    assertThat(parse("x is not null and y != 3 or z iS nUlL"))
        .isEqualTo(or(and(col("x").isNotNull(), col("y").ne(3)), col("z").isNull()));
  }

  @Test
  void literalOnTheLeftIsKept() {
    assertThat(parse("5 < x")).isEqualTo(new Comparison(CompareOp.LT, lit(5), col("x")));
  }

  @Test
  void numbersPickTheirJavaType() {
    assertThat(value("x = 42")).isEqualTo(42L);
    assertThat(value("x = -42")).isEqualTo(-42L);
    assertThat(value("x = 99999999999999999999")).isEqualTo(new BigInteger("99999999999999999999"));
    assertThat(value("x = -9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(value("x = 1.50")).isEqualTo(new BigDecimal("1.50"));
    assertThat(value("x = .5")).isEqualTo(new BigDecimal("0.5"));
    assertThat(value("x = 1e10")).isEqualTo(1e10);
    assertThat(value("x = 2.5E-3")).isEqualTo(2.5e-3);
  }

  @Test
  void stringsAndQuotedIdentifiersUnescapeDoubledQuotes() {
    Expression e = parse("\"my \"\"col\"\"\" = 'it''s'");
    assertThat(e).isEqualTo(col("my \"col\"").eq("it's"));
    assertThat(e.toString()).isEqualTo("\"my \"\"col\"\"\" = 'it''s'");
  }

  @Test
  void typedLiteralsParseToCanonicalValues() {
    assertThat(value("d = DATE '2024-02-29'")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(value("t = TIME '10:11:12.5'")).isEqualTo(LocalTime.of(10, 11, 12, 500_000_000));
    assertThat(value("t = TIMESTAMP '2024-01-01 10:00:00.123456'"))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000));
    assertThat(value("t = timestamptz '2024-01-01 10:00:00+02'"))
        .isEqualTo(Instant.parse("2024-01-01T08:00:00Z"));
    assertThat(value("t = TIMESTAMPTZ '2024-01-01'"))
        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(value("i = INTERVAL '1 year 2 days 03:00:00'"))
        .isEqualTo(new Interval(12, 2, 3 * 3_600_000_000_000L));
    assertThat(value("u = UUID '{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}'"))
        .isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
  }

  @Test
  void columnNamedLikeATypeIsAColumnUnlessAStringFollows() {
    assertThat(parse("date = 5")).isEqualTo(col("date").eq(5));
  }

  @Test
  void betweenInAndNegations() {
    assertThat(parse("x NOT BETWEEN 1 AND 5 AND y NOT IN (1, NULL, 'a')"))
        .isEqualTo(
            and(
                col("x").notBetween(1, 5),
                new InList(col("y"), List.of(lit(1), lit(null), lit("a")), true)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a = 1",
        "a <> 'x''y' OR NOT (b < 2.50 AND c >= -3)",
        "(a = 1 OR b = 2) AND c IS NOT NULL",
        "NOT (a = 1 OR b = 2)",
        "x BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'",
        "x NOT IN (1, 2, NULL)",
        "\"select\" = TRUE AND \"Odd Name\" IS NULL",
        "ts >= TIMESTAMP '2024-01-01 00:00:00.000001' AND tz < TIMESTAMPTZ '2024-01-01 10:00:00+00'",
        "f > 1.0E308 OR f = 'NaN'",
        "iv > INTERVAL '1 months 2 days 3 microseconds' AND u = UUID 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
        "flag",
        "NOT NOT flag",
        "5 < x"
      })
  void toStringParsesBackToTheSameExpression(String sql) {
    Expression e = parse(sql);
    assertThat(parse(e.toString())).isEqualTo(e);
  }

  @Test
  void builtValuesRoundTrip() {
    Expression e =
        and(
            col("a").in(1, 2L, new BigInteger("123456789012345678901")),
            col("b").between(LocalDate.of(2024, 1, 1), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000)),
            col("c").lt(1.5e-7),
            or(col("d").isNull(), not(col("e").ge(new BigDecimal("-0.25")))),
            col("f").eq(new Literal(new Interval(1, -2, 3000), LakeType.of(TypeId.INTERVAL))));
    assertThat(parse(e.toString())).isEqualTo(e);
  }

  @Test
  void likeAndDistinctFrom() {
    assertThat(parse("name NOT ILIKE 'a%_''b'"))
        .isEqualTo(
            new io.quacklake.expr.Like(
                new io.quacklake.expr.ColumnRef("name"), "a%_'b", true, true));
    assertThat(parse(parse("name LIKE '%x'").toString())).isEqualTo(parse("name LIKE '%x'"));
    assertThat(parse("n IS DISTINCT FROM 3")).isEqualTo(parse("n <> 3 OR n IS NULL"));
    assertThat(parse("n IS NOT DISTINCT FROM 3")).isEqualTo(parse("n = 3 AND n IS NOT NULL"));
    assertThat(parse("n IS DISTINCT FROM NULL")).isEqualTo(parse("n IS NOT NULL"));
    assertThat(parse("n IS NOT DISTINCT FROM NULL")).isEqualTo(parse("n IS NULL"));
  }

  @Test
  void arithmeticBindsTighterThanComparisonAndLeftToRight() {
    Expression e = parse("a + b * 2 - c % 3 >= -d / 2");
    assertThat(e)
        .isEqualTo(
            new Comparison(
                CompareOp.GE,
                new Arithmetic(
                    ArithmeticOp.SUBTRACT,
                    new Arithmetic(
                        ArithmeticOp.ADD,
                        col("a"),
                        new Arithmetic(ArithmeticOp.MULTIPLY, col("b"), Literal.of(2))),
                    new Arithmetic(ArithmeticOp.MODULO, col("c"), Literal.of(3))),
                new Arithmetic(
                    ArithmeticOp.DIVIDE, new Call("-", List.of(col("d"))), Literal.of(2))));
    assertThat(parse(e.toString())).isEqualTo(e);
  }

  @Test
  void functionsCaseCastAndIntervalsParseAndRoundTrip() {
    String[] texts = {
      "lower(name) LIKE 'a%'",
      "coalesce(x, 0) = 1",
      "CASE WHEN a > 1 THEN 'big' WHEN a IS NULL THEN NULL ELSE 'small' END = 'big'",
      "CASE kind WHEN 'a' THEN 1 ELSE 2 END = 1",
      "CAST(price AS DECIMAL(10,2)) > 1.5",
      "TRY_CAST(s AS INTEGER) IS NULL",
      "x::BIGINT + 1 = 2",
      "ts >= now() - INTERVAL 1 DAY",
      "d + INTERVAL '2 hours' < current_date",
      "CAST(t AS TIMESTAMP WITH TIME ZONE) > TIMESTAMPTZ '2024-01-01 00:00:00+00'",
      "date_trunc('month', d) = DATE '2024-01-01'",
      "a || 'x' = 'yx'",
      "year(d) IN (2023, a + 1)",
      "a + 1 BETWEEN b AND 10",
      "a IS DISTINCT FROM b + 1",
      "(a > 1) = (b < 2)",
      "-(a + 1) = 3",
    };
    for (String text : texts) {
      Expression e = parse(text);
      assertThat(parse(e.toString())).as(text + " -> " + e).isEqualTo(e);
    }
    assertThat(parse("x::BIGINT")).isEqualTo(new Cast(col("x"), LakeType.of(TypeId.INT64), false));
    assertThat(parse("current_date")).isEqualTo(new Call("current_date", java.util.List.of()));
    assertThat(parse("a = INTERVAL 3 DAYS"))
        .isEqualTo(col("a").eq(new Literal(new Interval(0, 3, 0), LakeType.of(TypeId.INTERVAL))));
    assertThat(parse("CASE kind WHEN 'a' THEN 1 END = 1").toString())
        .isEqualTo("CASE WHEN kind = 'a' THEN 1 ELSE NULL END = 1");
    assertThat(parse("a IN (1, b)")).isEqualTo(parse("a = 1 OR a = b"));
    assertThat(parse("a + 1 NOT BETWEEN 1 AND 2"))
        .isEqualTo(parse("NOT (a + 1 >= 1 AND a + 1 <= 2)"));
  }

  @Test
  void errorsNamePositionTokenAndExpectation() {
    assertError(
        "a = ", "position 5", "end of input", "expected a column name, a literal, a function call");
    assertError("a = 1 AND", "position 10", "end of input");
    assertError("a = 1 b = 2", "position 7", "'b'", "expected AND, OR or the end of the filter");
    assertError("(a = 1", "position 7", "expected ')'");
    assertError("a IN (1, 2", "expected ',' or ')'");
    assertError("a IS 5", "position 6", "'5'", "expected NOT, NULL or DISTINCT");
    assertError("a NOT = 'x'", "position 7", "'='", "expected BETWEEN, IN, LIKE or ILIKE");
    assertError("a LIKE 5", "position 8", "expected a string pattern");
    assertError("a BETWEEN 1 OR 2", "position 13", "'OR'", "expected AND");
    assertError("a = 'abc", "position 5", "unterminated string literal");
    assertError("a = 1 ; drop", "position 7", "unexpected character ';'");
    assertError(
        "d = DATE '2024-13-01'", "position 5", "'2024-13-01' is not a valid DATE", "YYYY-MM-DD");
    assertError("a = CAST(b AS)", "position 14", "')'", "expected a type name");
    assertError("a = CASE WHEN b THEN 1", "position 23", "expected WHEN, ELSE or END");
    assertError("a = x::INTEGER[]", "position 15", "unexpected character '['");
    assertError("a = AND", "position 5", "'AND'");
  }

  @Test
  void filterNestedTooDeeplyIsRefusedInsteadOfOverflowingTheStack() {
    String deep = "(".repeat(2000) + "a = 1" + ")".repeat(2000);
    assertError(deep, "position 257", "more than 256 deep", "fewer nested parentheses");
    assertError("NOT ".repeat(2000) + "a = 1", "more than 256 deep");
    assertError("a = 1 AND (b = 1 OR ".repeat(300) + "c = 1" + ")".repeat(300), "256 deep");
    assertError("a = " + "1 + ".repeat(300) + "1", "256 deep");
    assertError("a = " + "b || ".repeat(300) + "b", "256 deep");
    assertThat(parse(parse("a = " + "1 * ".repeat(200) + "1").toString()))
        .isEqualTo(parse("a = " + "1 * ".repeat(200) + "1"));
    assertThat(parse(col("current_date").eq(1).toString())).isEqualTo(col("current_date").eq(1));
  }

  @Test
  void filterNestedToTheLimitParses() {
    String nested = "(".repeat(255) + "NOT a = 1" + ")".repeat(255);
    assertThat(parse(nested)).isEqualTo(not(col("a").eq(1)));
  }

  private static void assertError(String sql, String... fragments) {
    assertThatThrownBy(() -> parse(sql))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            t -> {
              assertThat(((QuacklakeException) t).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
              assertThat(t.getMessage()).doesNotContain("\n").contains(fragments);
            });
  }

  private static Object value(String sql) {
    return ((Literal) ((Comparison) parse(sql)).right()).value();
  }
}
