package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Catalog locations on the command line: their secrets are never echoed, driver classes refused.
 */
class CliSecretsTest {

  @Test
  void unrecognisedLocationIsEchoedWithoutItsPassword() {
    CliRun r = CliRun.of("--catalog", "dbname=lake host=h password='it\\'s secret'", "tables");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("quacklake: invalid argument: cannot tell the catalog kind of 'dbname=lake")
        .contains("password=***'")
        .contains("postgres: or mysql: prefix")
        .doesNotContain("secret");
    assertThat(r.err().lines().count()).isEqualTo(1);
  }

  @Test
  void driverClassKeysAreRefusedUnlessAllowed() {
    String location =
        "postgres:dbname=x host=127.0.0.1 port=1 sslfactory=org.evil.Factory password=hunter2";
    CliRun refused = CliRun.of("--catalog", location, "tables");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .contains("sets 'sslfactory'")
        .contains("--allow-driver-classes")
        .doesNotContain("hunter2");
    assertThat(refused.err().lines().count()).isEqualTo(1);

    CliRun allowed = CliRun.of("--allow-driver-classes", "--catalog", location, "tables");
    assertThat(allowed.exit()).as(allowed.err()).isEqualTo(4);
    assertThat(allowed.err()).doesNotContain("--allow-driver-classes").doesNotContain("hunter2");
  }

  @Test
  void verboseTracesHideUrlPasswordsToo() {
    CliRun r =
        CliRun.of("--verbose", "--catalog", "jdbc:postgresql://u:hunter2@127.0.0.1:1/x", "tables");
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).contains("quacklake: unavailable: ").contains("\tat ");
    assertThat(r.err()).doesNotContain("hunter2");
  }
}
