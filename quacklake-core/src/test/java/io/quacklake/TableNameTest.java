package io.quacklake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import org.junit.jupiter.api.Test;

class TableNameTest {
  @Test
  void bareNameIsInMainSchema() {
    assertThat(TableName.parse("events")).isEqualTo(new TableName("main", "events"));
  }

  @Test
  void qualifiedAndQuotedNames() {
    assertThat(TableName.parse("sales.orders")).isEqualTo(new TableName("sales", "orders"));
    assertThat(TableName.parse("\"my.schema\".\"a \"\"b\"\"\""))
        .isEqualTo(new TableName("my.schema", "a \"b\""));
  }

  @Test
  void rejectsMalformedNames() {
    for (String bad : new String[] {"", "a.b.c", "a.", "\"open"}) {
      assertThatThrownBy(() -> TableName.parse(bad))
          .isInstanceOf(QuacklakeException.class)
          .satisfies(
              e ->
                  assertThat(((QuacklakeException) e).kind())
                      .isEqualTo(ErrorKind.INVALID_ARGUMENT));
    }
  }
}
