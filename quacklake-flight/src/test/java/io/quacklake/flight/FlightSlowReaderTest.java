package io.quacklake.flight;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import io.quacklake.testkit.TestCatalogs;
import io.quacklake.types.ColumnDefinitions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that reads a large table slowly: the server waits for it instead of reading ahead, so
 * the Arrow memory it holds stays a small part of the table (about 20 MB here: gRPC's 10 MB send
 * threshold and the scan's queue of a few batches; a server buffering the scan holds all of it).
 */
class FlightSlowReaderTest {
  private static final int ROWS = 400_000;
  private static final int TEXT_BYTES = 250;

  @TempDir Path temp;

  @Test
  void aSlowReaderKeepsTheServersMemoryBounded() throws Exception {
    try (Lake lake =
            Lake.create(TestCatalogs.location("sqlite", temp), temp.resolve("data").toString());
        BufferAllocator allocator = new RootAllocator()) {
      lake.createTable("main.wide", ColumnDefinitions.parse("id BIGINT, text VARCHAR"));
      long tableBytes = write(lake, allocator);
      FlightLakeServer server = FlightLakeServer.start(lake, ServerSettings.loopback(0));
      FlightClient client =
          FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.port()))
              .build();
      FlightStream stream =
          client.getStream(new Ticket("main.wide".getBytes(StandardCharsets.UTF_8)));
      try {
        assertThat(stream.next()).isTrue();
        long rows = stream.getRoot().getRowCount();
        Thread.sleep(500);
        while (stream.next()) {
          rows += stream.getRoot().getRowCount();
        }
        assertThat(rows).isEqualTo(ROWS);
        assertThat(server.peakMemory())
            .as("the server's Arrow memory at most, for a table of %d bytes", tableBytes)
            .isLessThan(tableBytes / 4);
      } finally {
        stream.close();
        client.close();
        server.close();
      }
    }
  }

  /** Writes the table (long texts, few distinct: small files) and returns its size in Arrow. */
  private static long write(Lake lake, BufferAllocator allocator) {
    BigIntVector id = new BigIntVector("id", allocator);
    VarCharVector text = new VarCharVector("text", allocator);
    try (VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, text));
        Transaction tx = lake.begin()) {
      id.allocateNew(ROWS);
      text.allocateNew((long) ROWS * TEXT_BYTES, ROWS);
      for (int i = 0; i < ROWS; i++) {
        id.set(i, i);
        byte[] value =
            String.valueOf((char) ('a' + i % 4))
                .repeat(TEXT_BYTES)
                .getBytes(StandardCharsets.UTF_8);
        text.set(i, value);
      }
      root.setRowCount(ROWS);
      tx.append("wide", root);
      tx.commit();
      return id.getBufferSize() + (long) text.getBufferSize();
    }
  }
}
