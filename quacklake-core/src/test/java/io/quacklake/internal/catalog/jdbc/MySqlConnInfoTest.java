package io.quacklake.internal.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MySqlConnInfoTest {
  @Test
  void databaseAndPasswordTravelAsPropertiesNeverInTheUrl() {
    String info = "host=db port=3307 user=root password='p&w?d=/x' database='a&b?c/d=e'";
    assertThat(MySqlConnInfo.url(info)).isEqualTo("jdbc:mariadb://db:3307/");
    var props = MySqlConnInfo.properties(info, Map.of());
    assertThat(props.getProperty("database")).isEqualTo("a&b?c/d=e");
    assertThat(props.getProperty("password")).isEqualTo("p&w?d=/x");
    assertThat(MySqlConnInfo.properties("host=h db=x", Map.of()).getProperty("database"))
        .isEqualTo("x");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "host=h/db?socketFactory=x",
        "host=h&allowLocalInfile=true",
        "host=u:p@h",
        "port=3306/x",
        "port=3306?a=b"
      })
  void hostAndPortCannotAddUrlParts(String info) {
    assertThatThrownBy(() -> MySqlConnInfo.url(info))
        .isInstanceOf(QuacklakeException.class)
        .satisfies(
            e -> assertThat(((QuacklakeException) e).kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
  }

  @Test
  void jdbcUrlsPassThrough() {
    assertThat(MySqlConnInfo.url("jdbc:mysql://h/db")).isEqualTo("jdbc:mariadb://h/db");
    assertThat(MySqlConnInfo.url("jdbc:mariadb://h/db")).isEqualTo("jdbc:mariadb://h/db");
  }
}
