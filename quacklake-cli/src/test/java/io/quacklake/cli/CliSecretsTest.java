package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Catalog locations on the command line: their secrets are never echoed, driver classes refused.
 */
class CliSecretsTest {
  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Result(
          code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void unrecognisedLocationIsEchoedWithoutItsPassword() {
    Result r = run("--catalog", "dbname=lake host=h password='it\\'s secret'", "tables");
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
    Result refused = run("--catalog", location, "tables");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .contains("sets 'sslfactory'")
        .contains("--allow-driver-classes")
        .doesNotContain("hunter2");
    assertThat(refused.err().lines().count()).isEqualTo(1);

    Result allowed = run("--allow-driver-classes", "--catalog", location, "tables");
    assertThat(allowed.exit()).as(allowed.err()).isEqualTo(4);
    assertThat(allowed.err()).doesNotContain("--allow-driver-classes").doesNotContain("hunter2");
  }

  @Test
  void verboseTracesHideUrlPasswordsToo() {
    Result r = run("--verbose", "--catalog", "jdbc:postgresql://u:hunter2@127.0.0.1:1/x", "tables");
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err()).contains("quacklake: unavailable: ").contains("\tat ");
    assertThat(r.err()).doesNotContain("hunter2");
  }
}
