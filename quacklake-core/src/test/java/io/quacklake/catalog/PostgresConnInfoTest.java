package io.quacklake.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.QuacklakeException;
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
    assertThat(PostgresConnInfo.redacted("password='a b' host=h")).isEqualTo("password=*** host=h");
  }

  @Test
  void malformedPairIsInvalid() {
    assertThatThrownBy(() -> PostgresConnInfo.parse("dbname=lake oops"))
        .isInstanceOf(QuacklakeException.class)
        .hasMessageContaining("oops");
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
    assertThat(PostgresConnInfo.redacted("host=h passwd=abc")).isEqualTo("host=h passwd=***");
  }
}
