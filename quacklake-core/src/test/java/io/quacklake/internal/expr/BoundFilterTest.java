package io.quacklake.internal.expr;

import static io.quacklake.expr.Expressions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Expression;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundFilterTest {
  private static final LakeColumn ID = LakeColumn.of(1, "Id", LakeType.of(TypeId.INT32));
  private static final LakeColumn AMOUNT = LakeColumn.of(2, "amount", LakeType.decimal(10, 2));
  private static final LakeColumn PRICE = LakeColumn.of(3, "price", LakeType.of(TypeId.FLOAT64));
  private static final LakeColumn NAME = LakeColumn.of(4, "name", LakeType.of(TypeId.VARCHAR));
  private static final LakeColumn DAY = LakeColumn.of(5, "day", LakeType.of(TypeId.DATE));
  private static final LakeColumn TAGS =
      new LakeColumn(
          6,
          "tags",
          LakeType.of(TypeId.LIST),
          true,
          null,
          null,
          List.of(LakeColumn.of(7, "element", LakeType.of(TypeId.VARCHAR))));
  private static final List<LakeColumn> COLUMNS = List.of(ID, AMOUNT, PRICE, NAME, DAY, TAGS);

  private static BoundFilter bind(String sql) {
    return BoundFilter.bind(parse(sql), COLUMNS);
  }

  private static StatsSource stats(Map<Long, ColumnStats> byId) {
    return id -> byId.getOrDefault(id, ColumnStats.UNKNOWN);
  }

  @Test
  void columnsResolveCaseInsensitivelyAndReportIdsAndNames() {
    BoundFilter f = bind("ID = 1 AND NAME = 'x' OR id = 2");
    assertThat(f.referencedColumnIds()).containsExactly(1L, 4L);
    assertThat(f.referencedColumnNames()).containsExactly("Id", "name");
  }

  @Test
  void unknownColumnListsTheAvailableOnes() {
    assertInvalid(
        "nope = 1", "Unknown column nope", "available columns: Id, amount, price, name, day, tags");
  }

  @Test
  void nestedColumnsTakeOnlyNullTests() {
    assertThat(bind("tags IS NOT NULL").referencedColumnIds()).containsExactly(6L);
    assertInvalid("tags = 'a'", "column tags of type VARCHAR[]", "only IS NULL and IS NOT NULL");
  }

  @Test
  void literalsThatDoNotConvertNameColumnTypeAndLiteral() {
    assertInvalid("id = 'abc'", "column Id of type INTEGER", "literal 'abc'", "not a valid int32");
    assertInvalid("day = 5", "column day of type DATE", "literal 5");
    assertInvalid("name = 5", "column name of type VARCHAR");
    assertInvalid("day < '2024-02-30'", "not a valid date");
    assertInvalid("id = 1 AND 5", "Literal 5 cannot stand alone");
    assertInvalid("id", "Column Id is INTEGER, not BOOLEAN");
  }

  @Test
  void constantsFold() {
    assertThat(bind("id > 3000000000").isAlwaysFalse()).isTrue();
    assertThat(bind("id = NULL OR FALSE").isAlwaysFalse()).isTrue();
    assertThat(bind("TRUE OR id = 1").isAlwaysTrue()).isTrue();
    assertThat(BoundFilter.TRUE.isAlwaysTrue()).isTrue();
  }

  @Test
  void rangesPruneByMinAndMax() {
    StatsSource s =
        stats(
            Map.of(
                1L, new ColumnStats(10L, 20L, 0L, 100L, null),
                2L, new ColumnStats(new BigDecimal("1.00"), new BigDecimal("9.99"), 5L, 95L, null),
                5L,
                    new ColumnStats(
                        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), 0L, 9L, null),
                4L, new ColumnStats("b", "d", 0L, 10L, null)));
    assertThat(bind("id < 10").mightMatch(s)).isFalse();
    assertThat(bind("id < 10.5").mightMatch(s)).isTrue();
    assertThat(bind("id > 20 OR id < 10").mightMatch(s)).isFalse();
    assertThat(bind("id > 15 AND amount > 10").mightMatch(s)).isFalse();
    assertThat(bind("id IN (1, 2, 21)").mightMatch(s)).isFalse();
    assertThat(bind("id IN (1, 15)").mightMatch(s)).isTrue();
    assertThat(bind("NOT id BETWEEN 5 AND 25").mightMatch(s)).isFalse();
    assertThat(bind("id <> 10").mightMatch(s)).isTrue();
    assertThat(bind("id IS NULL").mightMatch(s)).isFalse();
    assertThat(bind("amount IS NULL").mightMatch(s)).isTrue();
    assertThat(bind("day >= '2024-02-01'").mightMatch(s)).isFalse();
    assertThat(bind("name < 'b' OR name > 'd'").mightMatch(s)).isFalse();
    assertThat(bind("name BETWEEN 'c' AND 'c'").mightMatch(s)).isTrue();
    assertThat(bind("price > 5").mightMatch(s)).isTrue();
  }

  @Test
  void allNullColumnsPruneEveryComparisonButNotIsNull() {
    StatsSource s = stats(Map.of(1L, new ColumnStats(null, null, 10L, 0L, null)));
    assertThat(bind("id = 1 OR id <> 1 OR id IN (1) OR id BETWEEN 0 AND 9").mightMatch(s))
        .isFalse();
    assertThat(bind("id IS NOT NULL").mightMatch(s)).isFalse();
    assertThat(bind("id IS NULL").mightMatch(s)).isTrue();
    assertThat(bind("NOT id = 1").mightMatch(s)).isFalse();
  }

  @Test
  void nanKeepsPredicatesNanSatisfiesUnlessStatsRuleItOut() {
    ColumnStats maybeNan = new ColumnStats(1.0, 2.0, 0L, 10L, null);
    ColumnStats noNan = new ColumnStats(1.0, 2.0, 0L, 10L, false);
    for (String sql : List.of("price > 1e308", "price >= 3", "price <> 1.5", "price = 'NaN'")) {
      assertThat(bind(sql).mightMatch(stats(Map.of(3L, maybeNan)))).as(sql).isTrue();
      assertThat(bind(sql).mightMatch(stats(Map.of(3L, noNan))))
          .as(sql)
          .isEqualTo(sql.equals("price <> 1.5"));
    }
    assertThat(bind("price < 1").mightMatch(stats(Map.of(3L, maybeNan)))).isFalse();
  }

  @Test
  void missingStatsNeverPrune() {
    assertThat(bind("id = 1 AND name = 'x' AND price < 0").mightMatch(id -> ColumnStats.UNKNOWN))
        .isTrue();
  }

  @Test
  void builderFiltersBindLikeParsedOnes() {
    Expression e = col("day").between(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31));
    StatsSource s =
        stats(
            Map.of(
                5L,
                new ColumnStats(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2), 0L, 2L, null)));
    assertThat(BoundFilter.bind(e, COLUMNS).mightMatch(s)).isFalse();
    assertThat(BoundFilter.bind(e, COLUMNS).toString())
        .isEqualTo("day BETWEEN DATE '2024-01-01' AND DATE '2024-01-31'");
  }

  private static void assertInvalid(String sql, String... fragments) {
    assertThatThrownBy(() -> bind(sql))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            t -> {
              assertThat(((QuacklakeException) t).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
              assertThat(t.getMessage()).contains(fragments);
            });
  }
}
