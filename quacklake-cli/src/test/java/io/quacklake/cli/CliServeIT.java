package io.quacklake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SyncPutListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quacklake serve} as a process ({@code java -jar target/quacklake.jar}): the token of
 * {@code --token-file} admits a client and nothing else does, and SIGTERM stops the server
 * gracefully, rolling back the transactions clients still hold.
 */
class CliServeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Enough rows for a Parquet file rather than rows inlined in the catalog. */
  private static final int ROWS = 20_000;

  @TempDir Path temp;

  @Test
  void aTokenFileGuardsTheServerAndSigtermRollsBackHeldTransactions() throws Exception {
    CliLake lake = new CliLake(temp);
    lake.write("create-table", "events", "--schema", "id BIGINT, kind VARCHAR");
    int snapshots = lake.snapshots();
    Path token = lake.file("token", "s3cret");
    Path jar = Path.of(System.getProperty("quacklake.cli.target"), "quacklake.jar");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = temp.resolve("serve.log");
    Process serve =
        new ProcessBuilder(
                java.toString(),
                "-jar",
                jar.toString(),
                "--catalog",
                "sqlite:" + temp.resolve("lake.sqlite"),
                "--data-path",
                temp.resolve("data").toString(),
                "serve",
                "--port",
                "0",
                "--token-file",
                token.toString())
            .redirectError(log.toFile())
            .start();
    try (BufferAllocator allocator = new RootAllocator()) {
      String first =
          new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(first).as(() -> read(log)).matches("\\d+");
      FlightClient client =
          FlightClient.builder(
                  allocator, Location.forGrpcInsecure("127.0.0.1", Integer.parseInt(first)))
              .build();
      try {
        assertThatThrownBy(() -> action(client, "tables"))
            .isInstanceOfSatisfying(
                FlightRuntimeException.class,
                e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED));
        assertThatThrownBy(() -> action(client, "tables", bearer("guess")))
            .isInstanceOfSatisfying(
                FlightRuntimeException.class,
                e -> assertThat(e.status().code()).isEqualTo(FlightStatusCode.UNAUTHENTICATED));
        CallOption auth = bearer("s3cret");
        assertThat(JSON.readTree(action(client, "tables", auth)).toString())
            .isEqualTo("[\"main.events\"]");
        String tx =
            (String) JSON.readValue(action(client, "begin", auth), Map.class).get("transaction");
        upload(client, allocator, tx, auth);
        assertThat(parquetFiles()).as("the held transaction wrote a file").isPositive();
      } finally {
        client.close();
      }
      serve.destroy();
      assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
    } finally {
      serve.destroyForcibly();
    }
    assertThat(serve.exitValue()).as("128 + SIGTERM, as any JVM ended by it").isEqualTo(143);
    assertThat(read(log)).doesNotContain("Exception").doesNotContain("leak");
    assertThat(lake.snapshots()).as("the held transaction never committed").isEqualTo(snapshots);
    assertThat(parquetFiles()).as("rolled back: its file deleted").isZero();
  }

  private static CallOption bearer(String token) {
    FlightCallHeaders headers = new FlightCallHeaders();
    headers.insert("authorization", "Bearer " + token);
    return new HeaderCallOption(headers);
  }

  private static byte[] action(FlightClient client, String type, CallOption... options) {
    Iterator<Result> results = client.doAction(new Action(type, new byte[0]), options);
    byte[] body = results.next().getBody();
    results.forEachRemaining(r -> {});
    return body;
  }

  private static void upload(
      FlightClient client, BufferAllocator allocator, String tx, CallOption auth) throws Exception {
    BigIntVector id = new BigIntVector("id", allocator);
    VarCharVector kind = new VarCharVector("kind", allocator);
    try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, kind))) {
      id.allocateNew(ROWS);
      kind.allocateNew(ROWS);
      for (int i = 0; i < ROWS; i++) {
        id.set(i, i);
        kind.setSafe(i, "k".getBytes(StandardCharsets.UTF_8));
      }
      root.setRowCount(ROWS);
      SyncPutListener listener = new SyncPutListener();
      FlightClient.ClientStreamListener stream =
          client.startPut(
              FlightDescriptor.command(
                  JSON.writeValueAsBytes(Map.of("table", "events", "transaction", tx))),
              root,
              listener,
              auth);
      stream.putNext();
      stream.completed();
      stream.getResult();
      listener.read().close();
    }
  }

  private long parquetFiles() throws Exception {
    Path data = temp.resolve("data");
    if (!Files.exists(data)) {
      return 0;
    }
    try (var walk = Files.walk(data)) {
      return walk.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
