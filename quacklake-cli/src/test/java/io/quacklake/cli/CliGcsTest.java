package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gs://} and {@code gcs://} locations reach the GCS store from the command line, with the
 * command line's own class path, against a JSON API endpoint on loopback that refuses every request
 * (403): one line naming the location and what to check, exit 1. Lakes on GCS themselves are tested
 * in {@code quacklake-gcs}.
 */
class CliGcsTest {
  private static HttpServer server;
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  @TempDir Path temp;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    server.createContext(
        "/",
        ex -> {
          REQUESTS.incrementAndGet();
          ex.getRequestBody().readAllBytes();
          byte[] body =
              ("{\"error\":{\"code\":403,\"message\":\"denied\",\"errors\":[{\"message\":"
                      + "\"denied\",\"domain\":\"global\",\"reason\":\"forbidden\"}]}}")
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
          ex.sendResponseHeaders(403, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private Path config(String name, String... lines) throws IOException {
    Path f = temp.resolve(name);
    Files.writeString(
        f,
        String.join("\n", lines)
            + "\ngcs.endpoint = http://127.0.0.1:"
            + server.getAddress().getPort()
            + "\ngcs.anonymous = true\ngcs.project = quacklake-test\n");
    return f;
  }

  @Test
  void aGsCatalogReachesTheStore() throws IOException {
    int before = REQUESTS.get();
    CliRun run =
        CliRun.of(
            "--config",
            config("gs.properties", "catalog = gs://lake-bucket/lake").toString(),
            "init");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err().strip())
        .contains("gs://lake-bucket/lake/")
        .contains("access denied (403")
        .contains("gcs.key-file")
        .doesNotContain("\n");
    assertThat(REQUESTS.get()).isGreaterThan(before);
  }

  @Test
  void aGcsDataPathReachesTheStore() throws IOException {
    Path config =
        config(
            "gcs.properties",
            "catalog = sqlite:" + temp.resolve("lake.sqlite"),
            "data-path = gcs://lake-bucket/data/");
    assertThat(CliRun.of("--config", config.toString(), "init").exit()).isZero();
    assertThat(
            CliRun.of("--config", config.toString(), "create-table", "t", "--schema", "id BIGINT")
                .exit())
        .isZero();
    assertThat(
            CliRun.of("--config", config.toString(), "set-option", "data_inlining_row_limit", "0")
                .exit())
        .isZero();
    Path rows = temp.resolve("rows.csv");
    Files.writeString(rows, "id\n1\n2\n");
    CliRun append = CliRun.of("--config", config.toString(), "append", "t", rows.toString());
    assertThat(append.exit()).as(append.err()).isEqualTo(1);
    assertThat(append.err()).contains("gcs://lake-bucket/data/").contains("access denied (403");
  }
}
