package io.quacklake.flight;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SyncPutListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;

/** Calls the server tests make: JSON actions, uploads of {@code (id, kind)} rows, file counts. */
final class FlightCalls {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FlightCalls() {}

  static Map<String, Object> json(byte[] bytes) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = JSON.readValue(bytes, Map.class);
    return m;
  }

  static byte[] bytes(Object message) throws Exception {
    return JSON.writeValueAsBytes(message);
  }

  /** Runs an action and returns its one result's bytes. */
  static byte[] actionBytes(FlightClient client, String type, byte[] body) {
    Iterator<Result> results = client.doAction(new Action(type, body));
    byte[] out = results.next().getBody();
    while (results.hasNext()) {
      results.next();
    }
    return out;
  }

  static Map<String, Object> action(FlightClient client, String type, Map<String, ?> body)
      throws Exception {
    return json(actionBytes(client, type, bytes(body)));
  }

  /** Uploads the batches as one stream and returns the server's result message. */
  static Map<String, Object> put(
      FlightClient client,
      BufferAllocator allocator,
      Map<String, ?> command,
      VectorSchemaRoot... batches)
      throws Exception {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(batches[0].getSchema(), allocator)) {
      SyncPutListener listener = new SyncPutListener();
      FlightClient.ClientStreamListener stream =
          client.startPut(FlightDescriptor.command(bytes(command)), root, listener);
      for (VectorSchemaRoot b : batches) {
        load(root, b);
        stream.putNext();
      }
      stream.completed();
      stream.getResult();
      return result(listener);
    }
  }

  /** The JSON message an upload answered. */
  static Map<String, Object> result(SyncPutListener listener) throws Exception {
    try (PutResult result = listener.read()) {
      byte[] bytes = new byte[(int) result.getApplicationMetadata().readableBytes()];
      result.getApplicationMetadata().getBytes(0, bytes);
      return json(bytes);
    }
  }

  /** Copies {@code batch} into {@code root}. */
  static void load(VectorSchemaRoot root, VectorSchemaRoot batch) {
    try (var unloaded = new VectorUnloader(batch).getRecordBatch()) {
      new VectorLoader(root).load(unloaded);
    }
  }

  /** Rows {@code id} from..to-1 with {@code kind} "k" + id % 3, or {@code kind} when given. */
  static VectorSchemaRoot rows(BufferAllocator allocator, int from, int to, String kind) {
    BigIntVector id = new BigIntVector("id", allocator);
    VarCharVector k = new VarCharVector("kind", allocator);
    int n = to - from;
    id.allocateNew(n);
    k.allocateNew(n);
    for (int i = 0; i < n; i++) {
      id.set(i, from + i);
      k.setSafe(i, (kind == null ? "k" + (from + i) % 3 : kind).getBytes(StandardCharsets.UTF_8));
    }
    VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, k));
    root.setRowCount(n);
    return root;
  }

  /** Parquet files under {@code dir}. */
  static long parquetFiles(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (var walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }
}
