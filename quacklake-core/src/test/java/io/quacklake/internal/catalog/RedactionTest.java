package io.quacklake.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "password='it\\'s secret' host=h | password=*** host=h",
        "host=h password=abc dbname=d | host=h password=*** dbname=d",
        "PASSWORD = 'a b' host=h | PASSWORD = *** host=h",
        "password=a\\ b host=h | password=*** host=h",
        "password='a\\\\' host=h | password=*** host=h",
        "password='unclosed host=h | password=***",
        "host=h passwd=abc | host=h passwd=***",
        "sslpassword=k1 s3.secret-access-key=abc x=1 | sslpassword=*** s3.secret-access-key=*** x=1",
        "jdbc:postgresql://h/db?user=u&password=s3cr3t&ssl=true"
            + " | jdbc:postgresql://h/db?user=u&password=***&ssl=true",
        "jdbc:mariadb://h/db?pwd=x1y2;foo=bar | jdbc:mariadb://h/db?pwd=***;foo=bar",
        "jdbc:mysql://address=(host=h)(password=s3cr3t)/db"
            + " | jdbc:mysql://address=(host=h)(password=***)/db",
        "postgresql://user:s3cr3t@host/db | postgresql://user:***@host/db",
        "jdbc:postgresql://u:p@ss@h:5432/db | jdbc:postgresql://u:***@h:5432/db",
        "s3://AKIA:wJalr@bucket/lake | s3://AKIA:***@bucket/lake",
        "cannot tell the kind of 'host=x password=***'; use | "
            + "cannot tell the kind of 'host=x password=***'; use",
        "jdbc:postgresql://h:5432/db?user=a | jdbc:postgresql://h:5432/db?user=a",
        "sqlite:/data/lake.sqlite | sqlite:/data/lake.sqlite",
        "wrong password for user x | wrong password for user x"
      })
  void hidesEveryFormOfSecret(String text, String expected) {
    assertThat(Redaction.redact(text)).isEqualTo(expected);
    assertThat(Redaction.redact(expected)).as("idempotent").isEqualTo(expected);
  }

  @Test
  void nullStaysNull() {
    assertThat(Redaction.redact(null)).isNull();
  }

  @Test
  void driverExceptionsLoseTheSecretsOfTheLocationTheyEcho() {
    String location = "jdbc:postgresql://u:hunter2@127.0.0.1/db?password=other-secret";
    SQLException e =
        new SQLException(
            "No suitable driver found for " + location,
            "08001",
            7,
            new UnknownHostException("u:hunter2@127.0.0.1 other-secret"));
    SQLException copy = Redaction.redacted(e, location);
    assertThat(copy.getSQLState()).isEqualTo("08001");
    assertThat(copy.getErrorCode()).isEqualTo(7);
    assertThat(copy.getStackTrace()).isEqualTo(e.getStackTrace());
    assertThat(copy.getMessage()).doesNotContain("hunter2").doesNotContain("other-secret");
    assertThat(copy.getCause().getMessage())
        .startsWith("UnknownHostException: ")
        .doesNotContain("hunter2")
        .doesNotContain("other-secret");
  }
}
