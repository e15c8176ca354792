package io.quacklake.flight.service;

import io.quacklake.Lake;
import io.quacklake.MergeResult;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.flight.protocol.Messages;
import io.quacklake.flight.protocol.UploadRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.VectorSchemaRootAppender;

/**
 * {@code DoPut}: appends or merges an Arrow stream into a table, committed only once the whole
 * stream has arrived — one snapshot per upload, or inside a held transaction. A stream that breaks
 * off (the client disconnects or cancels) or does not fit the table commits nothing.
 */
public final class Uploads {
  /** Rows gathered before they are handed to the transaction (fewer, larger files). */
  static final int FLUSH_ROWS = 1 << 18;

  private final Lake lake;
  private final HeldTransactions held;

  public Uploads(Lake lake, HeldTransactions held) {
    this.lake = lake;
    this.held = held;
  }

  /** The request a descriptor makes: a JSON upload command, or a path naming a table (append). */
  public static UploadRequest request(FlightDescriptor descriptor) {
    if (descriptor.isCommand()) {
      return Messages.read(descriptor.getCommand(), UploadRequest.class, "upload command");
    }
    return new UploadRequest("append", String.join(".", descriptor.getPath()), null, null, null);
  }

  /**
   * Reads the whole stream into the table and commits; returns the result message ({@code
   * snapshot_id}, {@code rows}, and for merges {@code updated} and {@code inserted}).
   */
  public Map<String, Object> upload(FlightStream stream, BufferAllocator allocator) {
    UploadRequest request = request(stream.getDescriptor());
    if (request.transaction() != null) {
      Map<String, Object> result =
          held.use(request.transaction(), tx -> write(request, stream, tx, allocator));
      result.put("transaction", request.transaction());
      return result;
    }
    try (Transaction tx = lake.begin()) {
      tx.commitMessage(null, "Flight " + request.mode() + " into " + request.table(), null);
      Map<String, Object> result = write(request, stream, tx, allocator);
      Snapshot snapshot = tx.commit();
      result.put("snapshot_id", snapshot.id());
      return result;
    }
  }

  private Map<String, Object> write(
      UploadRequest request, FlightStream stream, Transaction tx, BufferAllocator allocator) {
    long rows = 0;
    MergeResult merged = null;
    VectorSchemaRoot incoming = stream.getRoot();
    try (VectorSchemaRoot buffer = VectorSchemaRoot.create(incoming.getSchema(), allocator)) {
      buffer.allocateNew();
      while (stream.next()) {
        VectorSchemaRoot root = stream.getRoot();
        rows += root.getRowCount();
        VectorSchemaRootAppender.append(buffer, root);
        if (!request.merge() && buffer.getRowCount() >= FLUSH_ROWS) {
          tx.append(request.table(), buffer);
          buffer.clear();
          buffer.allocateNew();
          buffer.setRowCount(0);
        }
      }
      if (request.rows() != null && request.rows() != rows) {
        throw QuacklakeException.invalid(
            "the upload announced %d rows but the stream ended after %d; nothing was committed",
            request.rows(), rows);
      }
      if (request.merge()) {
        merged = tx.merge(request.table(), buffer, request.on());
      } else if (buffer.getRowCount() > 0) {
        tx.append(request.table(), buffer);
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("rows", rows);
    if (merged != null) {
      result.put("updated", merged.updated());
      result.put("inserted", merged.inserted());
    }
    return result;
  }
}
