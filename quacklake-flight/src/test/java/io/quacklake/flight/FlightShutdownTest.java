package io.quacklake.flight;

import static io.quacklake.flight.FlightCalls.bytes;
import static io.quacklake.flight.FlightCalls.parquetFiles;
import static io.quacklake.flight.FlightCalls.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quacklake.Lake;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.SyncPutListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FlightLakeServer#close(long, TimeUnit)} with an upload in flight: one that ends within the
 * grace commits, one still streaming after it is cut off, commits nothing and leaves no file.
 */
class FlightShutdownTest {
  /** More rows than the server gathers before writing a file: a file shows the call is running. */
  private static final int FIRST_BATCH = 300_000;

  @TempDir Path temp;
  private Lake lake;
  private FlightLakeServer server;
  private BufferAllocator allocator;
  private FlightClient client;

  @BeforeEach
  void start() {
    lake = Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString());
    lake.createTable("main.events", ColumnDefinitions.parse("id BIGINT, kind VARCHAR"));
    server = FlightLakeServer.start(lake, ServerSettings.loopback(0));
    allocator = new RootAllocator();
    client = connect();
  }

  private FlightClient connect() {
    return FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.port()))
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
    allocator.close();
    lake.close();
  }

  @Test
  void anUploadInFlightWhenCloseStartsFinishesWithinTheGraceAndCommits() throws Exception {
    long before = lake.currentSnapshot().id();
    try (VectorSchemaRoot root = rows(allocator, 0, 1000, null)) {
      SyncPutListener listener = new SyncPutListener();
      FlightClient.ClientStreamListener stream =
          client.startPut(
              FlightDescriptor.command(bytes(Map.of("table", "events"))), root, listener);
      stream.putNext();
      for (int i = 0; i < 200 && server.peakMemory() == 0; i++) {
        Thread.sleep(10);
      }
      assertThat(server.peakMemory()).as("the server has the first batch").isPositive();
      CompletableFuture<Void> closing = closeInBackground(30);
      awaitNewCallsRefused();
      assertThat(closing).as("close waits for the upload").isNotDone();
      try (VectorSchemaRoot more = rows(allocator, 1000, 1010, null)) {
        FlightCalls.load(root, more);
      }
      stream.putNext();
      stream.completed();
      stream.getResult();
      long snapshot = ((Number) FlightCalls.result(listener).get("snapshot_id")).longValue();
      assertThat(snapshot).isEqualTo(before + 1);
      closing.get(20, TimeUnit.SECONDS);
    }
    assertThat(lake.currentSnapshot().id()).isEqualTo(before + 1);
    assertThat(lake.table("events").scan().count()).isEqualTo(1010);
  }

  @Test
  void anUploadStillStreamingAfterTheGraceIsCutOffAndLeavesNothing() throws Exception {
    long before = lake.currentSnapshot().id();
    try (VectorSchemaRoot root = rows(allocator, 0, FIRST_BATCH, null)) {
      SyncPutListener listener = new SyncPutListener();
      FlightClient.ClientStreamListener stream =
          client.startPut(
              FlightDescriptor.command(bytes(Map.of("table", "events"))), root, listener);
      stream.putNext();
      awaitFileWritten();
      long started = System.nanoTime();
      server.close(200, TimeUnit.MILLISECONDS);
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
          .as("the grace, then at most Flight's own few seconds to cancel")
          .isLessThan(10);
      assertThat(parquetFiles(temp.resolve("data")))
          .as("once close returns, the cut-off upload's file is deleted")
          .isZero();
      assertThat(lake.currentSnapshot().id()).isEqualTo(before);
      assertThatThrownBy(stream::getResult).isInstanceOf(FlightRuntimeException.class);
    }
    assertThat(lake.table("events").scan().count()).isZero();
  }

  private CompletableFuture<Void> closeInBackground(int graceSeconds) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            server.close(graceSeconds, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private void awaitFileWritten() throws Exception {
    for (int i = 0; i < 200 && parquetFiles(temp.resolve("data")) == 0; i++) {
      Thread.sleep(25);
    }
    assertThat(parquetFiles(temp.resolve("data"))).as("the upload is under way").isPositive();
  }

  /** Waits until the server has begun to shut down: a new client's call is refused. */
  private void awaitNewCallsRefused() throws Exception {
    for (int i = 0; i < 200; i++) {
      FlightClient probe = connect();
      try {
        probe.listFlights(Criteria.ALL).forEach(f -> {});
      } catch (FlightRuntimeException refused) {
        return;
      } finally {
        probe.close();
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the server still takes new calls while closing");
  }
}
