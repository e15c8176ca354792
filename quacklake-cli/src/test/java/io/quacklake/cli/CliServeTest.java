package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} refuses to open a writable lake to the network by accident, before it binds
 * anything (the running server is covered by the Flight and Python tests).
 */
class CliServeTest {
  @TempDir Path temp;

  @Test
  void aNonLoopbackHostNeedsATokenAndTls() throws Exception {
    CliLake lake = new CliLake(temp);
    assertThat(lake.fails(1, "serve", "--host", "0.0.0.0", "--port", "0"))
        .startsWith("quacklake: invalid argument: serving on 0.0.0.0, which is not a loopback")
        .contains("--token-file")
        .contains("--tls-cert");
    Path token = temp.resolve("token");
    Files.writeString(token, "s3cret\n");
    assertThat(
            lake.fails(
                1, "serve", "--host", "0.0.0.0", "--port", "0", "--token-file", token.toString()))
        .as("a token without TLS would travel in clear text")
        .contains("not a loopback address");
    assertThat(lake.fails(1, "serve", "--port", "0", "--tls-cert", token.toString()))
        .contains("TLS needs both a certificate chain and its private key");
  }
}
