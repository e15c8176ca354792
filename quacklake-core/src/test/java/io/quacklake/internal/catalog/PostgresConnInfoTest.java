package io.quacklake.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.QuacklakeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresConnInfoTest {
  @Test
  void libpqPairsBecomeAJdbcUrlAndProperties() {
    String info =
        "dbname=lake host=db.example port=6543 user=ql password='s3 cr\\'et' sslmode=require";
    assertThat(PostgresConnInfo.url(info)).isEqualTo("jdbc:postgresql://db.example:6543/lake");
    var props = PostgresConnInfo.properties(info);
    assertThat(props.getProperty("user")).isEqualTo("ql");
    assertThat(props.getProperty("password")).isEqualTo("s3 cr'et");
    assertThat(props.getProperty("sslmode")).isEqualTo("require");
  }

  @Test
  void defaultsAndJdbcUrlsPassThrough() {
    assertThat(PostgresConnInfo.url("dbname=lake"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/lake");
    assertThat(PostgresConnInfo.url("jdbc:postgresql://h/x")).isEqualTo("jdbc:postgresql://h/x");
  }

  @Test
  void passwordsAreNeverPrinted() {
    assertThat(
            new CatalogLocation(CatalogKind.POSTGRES, "dbname=l password=secret user=u").toString())
        .isEqualTo("postgres:dbname=l password=*** user=u");
    assertThat(Redaction.redact("password='a b' host=h")).isEqualTo("password=*** host=h");
  }

  @Test
  void malformedPairIsInvalidAndNamesTheKeyNotTheText() {
    assertThatThrownBy(() -> PostgresConnInfo.parse("dbname=lake password=my secret"))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("after the value of 'password'")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> PostgresConnInfo.parse("oops dbname=lake"))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("at its start");
    assertThatThrownBy(() -> PostgresConnInfo.parse("dbname=lake password='unclosed"))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("unterminated quoted value for 'password'")
        .hasMessageNotContaining("unclosed");
  }

  @Test
  void valuesAreReadAsLibpqReadsThem() {
    assertThat(PostgresConnInfo.parse("a = 1 b= 'x y' c=p\\ q d='it\\'s' e=''"))
        .containsExactly(
            Map.entry("a", "1"),
            Map.entry("b", "x y"),
            Map.entry("c", "p q"),
            Map.entry("d", "it's"),
            Map.entry("e", ""));
  }

  @Test
  void databaseNamesAreEncodedAndHostsChecked() {
    assertThat(PostgresConnInfo.url("dbname='a&b?c/d=e f' host=h"))
        .isEqualTo("jdbc:postgresql://h:5432/a%26b%3Fc%2Fd%3De%20f");
    assertThat(PostgresConnInfo.url("dbname=x host=::1"))
        .isEqualTo("jdbc:postgresql://[::1]:5432/x");
    for (String bad :
        new String[] {
          "host=h/x?socketFactory=y", "host='h x'", "port=5432?sslfactory=z", "port=abc", "host=u@h"
        }) {
      assertThatThrownBy(() -> PostgresConnInfo.url(bad))
          .as(bad)
          .isInstanceOf(QuacklakeException.class)
          .satisfies(
              e ->
                  assertThat(((QuacklakeException) e).kind())
                      .isEqualTo(io.quacklake.exceptions.ErrorKind.INVALID_ARGUMENT));
    }
  }

  @Test
  void passwordsComeFromTheEnvironmentWhenTheStringHasNone() {
    Map<String, String> env = Map.of("PGPASSWORD", "from-env", "MYSQL_PWD", "my-env");
    assertThat(PostgresConnInfo.properties("dbname=l user=u", env).getProperty("password"))
        .isEqualTo("from-env");
    assertThat(PostgresConnInfo.properties("dbname=l password=x", env).getProperty("password"))
        .isEqualTo("x");
    assertThat(MySqlConnInfo.properties("host=h user=root", env).getProperty("password"))
        .isEqualTo("my-env");
    assertThat(MySqlConnInfo.properties("host=h passwd=p", env).getProperty("password"))
        .isEqualTo("p");
    assertThat(PostgresConnInfo.properties("dbname=l", Map.of()).getProperty("password")).isNull();
    assertThat(Redaction.redact("host=h passwd=abc")).isEqualTo("host=h passwd=***");
  }
}
