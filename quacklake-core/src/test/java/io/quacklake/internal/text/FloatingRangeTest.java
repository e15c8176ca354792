package io.quacklake.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A number written out is never stored as infinity: beyond the type's range it is refused (as
 * DuckDB refuses {@code 1e39::REAL}); infinity is written {@code inf} or {@code infinity}.
 */
class FloatingRangeTest {
  private static final LakeColumn DOUBLE = LakeColumn.of(1, "d", LakeType.of(TypeId.FLOAT64));
  private static final LakeColumn REAL = LakeColumn.of(2, "r", LakeType.of(TypeId.FLOAT32));

  @ParameterizedTest
  @CsvSource({"d, 1e309", "d, -1e309", "d, 9999e305", "r, 1e39", "r, -3.5e38", "r, 1e309"})
  void numbersBeyondTheRangeAreRefused(String column, String text) {
    LakeColumn c = column.equals("d") ? DOUBLE : REAL;
    assertThatThrownBy(() -> DuckDbText.parse(text, c))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("'" + text + "'")
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }

  @Test
  void infinityAndTheLargestFiniteValuesAreAccepted() {
    assertThat(DuckDbText.parse("-inf", DOUBLE)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(DuckDbText.parse("Infinity", REAL)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(DuckDbText.parse("1.7976931348623157e308", DOUBLE)).isEqualTo(Double.MAX_VALUE);
    assertThat(DuckDbText.parse("3.4028235e38", REAL)).isEqualTo((double) Float.MAX_VALUE);
    assertThat(DuckDbText.parse("1e-400", DOUBLE)).isEqualTo(0.0);
  }
}
