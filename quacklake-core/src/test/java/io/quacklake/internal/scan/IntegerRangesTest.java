package io.quacklake.internal.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.expr.Expressions;
import io.quacklake.internal.catalog.StatsBound;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegerRangesTest {
  private static final List<LakeColumn> COLUMNS =
      List.of(
          LakeColumn.of(1, "id", LakeType.of(TypeId.INT64)),
          LakeColumn.of(2, "n", LakeType.of(TypeId.INT32)),
          LakeColumn.of(3, "d", LakeType.of(TypeId.FLOAT64)),
          LakeColumn.of(4, "s", LakeType.of(TypeId.VARCHAR)),
          LakeColumn.of(5, "big", LakeType.of(TypeId.UINT64)));

  private static List<StatsBound> of(String sql) {
    return IntegerRanges.of(Expressions.parse(sql), COLUMNS);
  }

  @Test
  void conjunctsOfIntegerComparisonsBecomeBounds() {
    assertThat(of("id = 5")).containsExactly(new StatsBound(1, 5, 5));
    assertThat(of("5 < id")).containsExactly(new StatsBound(1, 6, Long.MAX_VALUE));
    assertThat(of("ID <= 5")).containsExactly(new StatsBound(1, Long.MIN_VALUE, 5));
    assertThat(of("id > 1 AND id < 10 AND n BETWEEN -3 AND 3 AND s = 'x'"))
        .containsExactly(new StatsBound(1, 2, 9), new StatsBound(2, -3, 3));
    assertThat(of("n IN (7, -2, 4)")).containsExactly(new StatsBound(2, -2, 7));
    assertThat(of("id > 10 AND id < 3")).containsExactly(new StatsBound(1, 11, 2));
  }

  @Test
  void anythingElseGivesNoBound() {
    assertThat(of("id = 1 OR id = 3")).isEmpty();
    assertThat(of("id <> 4")).isEmpty();
    assertThat(of("id NOT BETWEEN 1 AND 3")).isEmpty();
    assertThat(of("id NOT IN (1, 2)")).isEmpty();
    assertThat(of("d = 1.5")).isEmpty();
    assertThat(of("big = 3")).isEmpty();
    assertThat(of("id < -9223372036854775808")).isEmpty();
    assertThat(of("id > 9223372036854775807")).isEmpty();
    assertThat(of("s = 'a'")).isEmpty();
  }
}
