package io.quacklake.flight.service;

import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.ScanTask;
import io.quacklake.TableInfo;
import io.quacklake.TableScan;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.flight.protocol.Messages;
import io.quacklake.flight.protocol.ScanRequest;
import io.quacklake.storage.StorageSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Scans over Flight: tables listed as flights, scan requests planned into endpoints (several for a
 * table of many files, each reading its share of the files), and tickets streamed as Arrow batches
 * no faster than the client takes them.
 */
public final class Scans {
  /** The most endpoints one scan is split into. */
  static final int MAX_ENDPOINTS = 4;

  private final Lake lake;
  private final StorageSettings storage;

  private final HeldTransactions held;

  public Scans(Lake lake, StorageSettings storage, HeldTransactions held) {
    this.lake = lake;
    this.storage = storage;
    this.held = held;
  }

  /** A flight per table at the newest snapshot. */
  public List<FlightInfo> list() {
    long snapshot = lake.currentSnapshot().id();
    List<FlightInfo> out = new ArrayList<>();
    for (TableInfo t : lake.tables(snapshot)) {
      ScanRequest request = ScanRequest.of(t.name().toString()).at(snapshot);
      TableScan scan = scan(request);
      out.add(
          new FlightInfo(
              scan.schema(),
              FlightDescriptor.path(t.name().schema(), t.name().table()),
              List.of(new FlightEndpoint(new Ticket(Messages.write(request)))),
              -1,
              scan.metadataCount().orElse(-1)));
    }
    return out;
  }

  /** The request a descriptor asks for: a JSON scan command, or a path naming a table. */
  public static ScanRequest request(FlightDescriptor descriptor) {
    if (descriptor.isCommand()) {
      return Messages.read(descriptor.getCommand(), ScanRequest.class, "scan command");
    }
    return ScanRequest.of(String.join(".", descriptor.getPath()));
  }

  /** The request a ticket holds: a JSON scan request, or a bare table name. */
  public static ScanRequest request(Ticket ticket) {
    byte[] bytes = ticket.getBytes();
    if (bytes.length > 0 && bytes[0] != '{') {
      return ScanRequest.of(new String(bytes, StandardCharsets.UTF_8));
    }
    return Messages.read(bytes, ScanRequest.class, "scan ticket");
  }

  /** Plans a scan: its schema, row count when the catalog knows it, and endpoints. */
  public FlightInfo plan(FlightDescriptor descriptor) {
    ScanRequest request = request(descriptor);
    if (request.transaction() != null) {
      Schema schema = schema(descriptor);
      return new FlightInfo(
          schema,
          descriptor,
          List.of(new FlightEndpoint(new Ticket(Messages.write(request)))),
          -1,
          -1);
    }
    TableScan scan = scan(request);
    ScanRequest pinned = request.at(scan.snapshotId());
    int parts = 1;
    if (request.limit() == null && request.part() == null) {
      parts = Math.min(MAX_ENDPOINTS, Math.max(1, scan.planTasks().size()));
    }
    List<FlightEndpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      ScanRequest ticket = parts == 1 ? pinned : pinned.part(i, parts);
      endpoints.add(new FlightEndpoint(new Ticket(Messages.write(ticket))));
    }
    long records =
        request.where() == null && request.limit() == null ? scan.metadataCount().orElse(-1) : -1;
    return new FlightInfo(scan.schema(), descriptor, endpoints, -1, records);
  }

  /** The schema a descriptor's scan returns. */
  public Schema schema(FlightDescriptor descriptor) {
    ScanRequest request = request(descriptor);
    if (request.transaction() != null) {
      return held.read(
          request.transaction(), tx -> scan(tx.scan(request.table()), request).schema());
    }
    return scan(request).schema();
  }

  /** The table scan a request describes. */
  public TableScan scan(ScanRequest request) {
    return scan(lake.table(request.table()).scan(), request);
  }

  private static TableScan scan(TableScan base, ScanRequest request) {
    TableScan scan = base;
    if (request.columns() != null) {
      scan = scan.select(request.columns());
    }
    if (request.where() != null && !request.where().isBlank()) {
      scan = scan.filter(request.where());
    }
    if (request.snapshot() != null) {
      scan = scan.asOf(request.snapshot());
    } else if (request.timestamp() != null) {
      try {
        scan = scan.asOf(Instant.parse(request.timestamp()));
      } catch (DateTimeParseException e) {
        throw QuacklakeException.invalid(
            "timestamp '%s' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z",
            request.timestamp());
      }
    }
    return scan;
  }

  /** Streams a ticket's rows to the client. */
  public void stream(Ticket ticket, ServerStreamListener listener, BufferAllocator allocator) {
    ScanRequest request = request(ticket);
    if (request.transaction() != null) {
      held.read(
          request.transaction(),
          tx -> {
            stream(scan(tx.scan(request.table()), request), request, listener, allocator);
            return null;
          });
      return;
    }
    stream(scan(request), request, listener, allocator);
  }

  private void stream(
      TableScan scan,
      ScanRequest request,
      ServerStreamListener listener,
      BufferAllocator allocator) {
    Schema schema = scan.schema();
    long left = request.limit() == null ? Long.MAX_VALUE : request.limit();
    try (VectorSchemaRoot out = VectorSchemaRoot.create(schema, allocator);
        Readers readers = new Readers(scan, request, allocator)) {
      listener.start(out);
      VectorLoader loader = new VectorLoader(out);
      ScanReader reader;
      while (left > 0 && !listener.isCancelled() && (reader = readers.next()) != null) {
        while (left > 0 && !listener.isCancelled() && reader.loadNextBatch()) {
          VectorSchemaRoot in = reader.getVectorSchemaRoot();
          if (in.getRowCount() == 0) {
            continue;
          }
          try (ArrowRecordBatch batch = new VectorUnloader(in).getRecordBatch()) {
            loader.load(batch);
          }
          if (out.getRowCount() > left) {
            out.setRowCount((int) left);
          }
          left -= out.getRowCount();
          awaitReady(listener);
          listener.putNext();
        }
      }
      listener.completed();
    }
  }

  /** Waits until the client can take another batch: memory stays bounded by one batch. */
  private static void awaitReady(ServerStreamListener listener) {
    while (!listener.isReady() && !listener.isCancelled()) {
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
  }

  /** The readers of a ticket: the whole scan, or one at a time the tasks of its part. */
  private final class Readers implements AutoCloseable {
    private final Iterator<ScanTask> tasks;
    private ScanReader current;
    private boolean whole;

    private final BufferAllocator allocator;

    Readers(TableScan scan, ScanRequest request, BufferAllocator allocator) {
      this.allocator = allocator;
      if (request.part() == null) {
        this.tasks = null;
        // a limited scan reads in the table's order, so the same request gives the same rows
        this.current =
            request.limit() == null ? scan.arrow(allocator) : scan.arrowInOrder(allocator);
        this.whole = true;
      } else {
        List<ScanTask> all = scan.planTasks();
        List<ScanTask> mine = new ArrayList<>();
        for (int i = request.part(); i < all.size(); i += request.parts()) {
          mine.add(all.get(i));
        }
        this.tasks = mine.iterator();
      }
    }

    ScanReader next() {
      if (whole) {
        whole = false;
        return current;
      }
      close();
      if (tasks == null || !tasks.hasNext()) {
        return null;
      }
      current = tasks.next().open(storage, allocator);
      return current;
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
