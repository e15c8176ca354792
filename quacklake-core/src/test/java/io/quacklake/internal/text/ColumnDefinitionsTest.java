package io.quacklake.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnDefinitionsTest {

  @Test
  void storesDefaultsAsDuckDbTextOfTheColumnType() {
    List<LakeColumn> columns =
        ColumnDefinitions.parse(
            "d DECIMAL(12,2) DEFAULT 1.5, f DOUBLE DEFAULT 1, s VARCHAR DEFAULT 'x''y',"
                + " b BOOLEAN DEFAULT true, t TIMESTAMP DEFAULT '2024-01-02T03:04:05',"
                + " l INTEGER[] DEFAULT '[1, 2]', n INTEGER");
    assertThat(columns)
        .extracting(LakeColumn::defaultValue)
        .containsExactly("1.50", "1.0", "x'y", "true", "2024-01-02 03:04:05", "[1, 2]", null);
  }

  @Test
  void rejectsDefaultsThatDoNotFitTheType() {
    assertThatThrownBy(() -> ColumnDefinitions.parse("n INTEGER DEFAULT 'abc'"))
        .isInstanceOfSatisfying(
            QuacklakeException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT))
        .hasMessageContaining("DEFAULT 'abc' of column n is not a INTEGER value");
  }
}
