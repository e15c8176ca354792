package io.quacklake.internal.catalog.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogKind;
import io.quacklake.internal.catalog.CatalogLocation;
import io.quacklake.internal.catalog.Redaction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
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

  private static final String ALPHABET = "abcXYZ019 '\\\"&?/=@;:#()%+-_.,$!*";

  /** A password with a marker no other part of the test strings holds, and awkward characters. */
  private static String password(Random random) {
    StringBuilder b = new StringBuilder("Qz");
    int n = 1 + random.nextInt(12);
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.append("Kw").toString();
  }

  private static String libpqQuoted(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @RepeatedTest(200)
  void noGeneratedPasswordSurvivesInAnyForm(RepetitionInfo repetition) {
    long seed = 12L * repetition.getCurrentRepetition();
    Random random = new Random(seed);
    String pw = password(random);
    String conninfo = "dbname=lake host=h " + "password=" + libpqQuoted(pw) + " user=u";
    assertThat(PostgresConnInfo.parse(conninfo).get("password")).as("seed %d", seed).isEqualTo(pw);
    String[] texts = {
      conninfo,
      "jdbc:postgresql://h/db?user=u&password=" + encoded(pw) + "&ssl=true",
      "postgresql://u:" + encoded(pw) + "@h:5432/db",
      "jdbc:mariadb://h/db?PWD=" + encoded(pw) + ";foo=bar"
    };
    for (String text : texts) {
      String redacted = Redaction.redact(text);
      assertThat(redacted)
          .as("seed %d: %s", seed, text)
          .doesNotContain("Qz")
          .doesNotContain("Kw")
          .contains("***");
    }
    assertThat(Redaction.redact(conninfo)).endsWith(" user=u").startsWith("dbname=lake host=h ");
  }
}
