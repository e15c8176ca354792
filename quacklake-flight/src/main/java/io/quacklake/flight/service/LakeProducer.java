package io.quacklake.flight.service;

import io.quacklake.Lake;
import io.quacklake.flight.protocol.Messages;
import io.quacklake.storage.StorageSettings;
import java.util.Map;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.ActionType;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/** The Flight calls of one lake's server, each on its own snapshot or held transaction. */
public final class LakeProducer implements FlightProducer {
  /**
   * Arrow memory one call may hold (an upload's gathered rows, a scan's batches in flight): a
   * runaway merge upload fails alone with RESOURCE_EXHAUSTED instead of starving every client.
   */
  static final long CALL_MEMORY_BYTES = 2L << 30;

  private final BufferAllocator allocator;
  private final Scans scans;
  private final Uploads uploads;
  private final Actions actions;

  public LakeProducer(
      Lake lake, StorageSettings storage, HeldTransactions held, BufferAllocator allocator) {
    this.allocator = allocator;
    this.scans = new Scans(lake, storage, held);
    this.uploads = new Uploads(lake, held);
    this.actions = new Actions(lake, held);
  }

  @Override
  public void listFlights(
      CallContext context, Criteria criteria, StreamListener<FlightInfo> listener) {
    try {
      scans.list().forEach(listener::onNext);
      listener.onCompleted();
    } catch (RuntimeException e) {
      listener.onError(Errors.toFlight(e));
    }
  }

  @Override
  public FlightInfo getFlightInfo(CallContext context, FlightDescriptor descriptor) {
    try {
      return scans.plan(descriptor);
    } catch (RuntimeException e) {
      throw Errors.toFlight(e);
    }
  }

  @Override
  public SchemaResult getSchema(CallContext context, FlightDescriptor descriptor) {
    try {
      return new SchemaResult(scans.schema(descriptor));
    } catch (RuntimeException e) {
      throw Errors.toFlight(e);
    }
  }

  @Override
  public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
    try (BufferAllocator child = allocator.newChildAllocator("doGet", 0, CALL_MEMORY_BYTES)) {
      scans.stream(ticket, listener, child);
    } catch (RuntimeException e) {
      listener.error(Errors.toFlight(e));
    }
  }

  @Override
  public Runnable acceptPut(
      CallContext context, FlightStream stream, StreamListener<PutResult> ack) {
    return () -> {
      try (BufferAllocator child = allocator.newChildAllocator("doPut", 0, CALL_MEMORY_BYTES)) {
        Map<String, Object> result = uploads.upload(stream, child);
        byte[] bytes = Messages.write(result);
        ArrowBuf buffer = allocator.buffer(bytes.length);
        buffer.setBytes(0, bytes);
        buffer.writerIndex(bytes.length);
        try (PutResult message = PutResult.metadata(buffer)) {
          ack.onNext(message);
        }
        ack.onCompleted();
      } catch (RuntimeException e) {
        ack.onError(Errors.toFlight(e));
      }
    };
  }

  @Override
  public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
    try {
      listener.onNext(new Result(actions.run(action.getType(), action.getBody())));
      listener.onCompleted();
    } catch (RuntimeException e) {
      listener.onError(Errors.toFlight(e));
    }
  }

  @Override
  public void listActions(CallContext context, StreamListener<ActionType> listener) {
    Actions.list().forEach(listener::onNext);
    listener.onCompleted();
  }
}
