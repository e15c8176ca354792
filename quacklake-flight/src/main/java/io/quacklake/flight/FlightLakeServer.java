package io.quacklake.flight;

import io.quacklake.Lake;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.flight.service.BearerToken;
import io.quacklake.flight.service.HeldTransactions;
import io.quacklake.flight.service.LakeProducer;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * An Arrow Flight server for one open lake: {@code ListFlights}, {@code GetFlightInfo}, {@code
 * GetSchema}, {@code DoGet} scans, {@code DoPut} appends and merges, and {@code DoAction}
 * statements, transactions and maintenance ({@code docs/flight.md}). Every call works on its own
 * snapshot or on a transaction a client holds; the lake is not closed with the server.
 */
public final class FlightLakeServer implements AutoCloseable {
  /** How long calls cancelled at shutdown may take to unwind (an upload rolling back). */
  private static final long UNWIND_SECONDS = 30;

  private final FlightServer server;
  private final ExecutorService calls;
  private final BufferAllocator allocator;
  private final HeldTransactions held;
  private final ServerSettings settings;
  private final java.util.concurrent.ScheduledExecutorService reaper;
  private boolean closed;

  /** A held transaction no call has used for this long is rolled back. */
  static final java.time.Duration IDLE_TRANSACTION = java.time.Duration.ofMinutes(15);

  private FlightLakeServer(
      FlightServer server,
      ExecutorService calls,
      BufferAllocator allocator,
      HeldTransactions held,
      ServerSettings settings) {
    this.server = server;
    this.calls = calls;
    this.allocator = allocator;
    this.held = held;
    this.settings = settings;
    this.reaper =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "quacklake-flight-idle-transactions");
              t.setDaemon(true);
              return t;
            });
    reaper.scheduleWithFixedDelay(
        () -> held.expireIdle(IDLE_TRANSACTION), 1, 1, java.util.concurrent.TimeUnit.MINUTES);
  }

  /**
   * Starts serving {@code lake}.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for settings that would expose the lake (see {@link
   *     ServerSettings#requireSafeExposure()}); UNAVAILABLE when the port cannot be bound
   */
  public static FlightLakeServer start(Lake lake, ServerSettings settings) {
    settings.requireSafeExposure();
    BufferAllocator allocator = new RootAllocator();
    HeldTransactions held = new HeldTransactions();
    Location location =
        settings.tls()
            ? Location.forGrpcTls(settings.host(), settings.port())
            : Location.forGrpcInsecure(settings.host(), settings.port());
    // calls run on an executor of ours: Flight would stop its own at shutdown, before the calls
    // still running had read their last messages
    ExecutorService calls = callExecutor();
    FlightServer.Builder builder =
        FlightServer.builder(
                allocator, location, new LakeProducer(lake, settings.storage(), held, allocator))
            .executor(calls);
    // one Arrow message (a batch) at most 256 MiB: clients send batches of 64k rows
    builder.maxInboundMessageSize(256 << 20);
    if (settings.token() != null) {
      builder.headerAuthenticator(new BearerToken(settings.token()));
    }
    if (settings.tls()) {
      try {
        builder.useTls(settings.tlsCertificate().toFile(), settings.tlsKey().toFile());
      } catch (IOException e) {
        calls.shutdown();
        allocator.close();
        throw new QuacklakeException(
            ErrorKind.INVALID_ARGUMENT,
            "cannot read the TLS certificate or key: " + e.getMessage(),
            e);
      }
    }
    FlightServer server = builder.build();
    try {
      server.start();
    } catch (IOException e) {
      calls.shutdown();
      allocator.close();
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE,
          "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(),
          e);
    }
    return new FlightLakeServer(server, calls, allocator, held, settings);
  }

  private static ExecutorService callExecutor() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, "quacklake-flight-call-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** The port the server listens on (the chosen one when started with port 0). */
  public int port() {
    return server.getPort();
  }

  /** The address clients connect to: {@code grpc://host:port} or {@code grpc+tls://host:port}. */
  public String uri() {
    return (settings.tls() ? "grpc+tls://" : "grpc://") + settings.host() + ":" + port();
  }

  /** The most Arrow memory the server's calls have held at once since it started, in bytes. */
  long peakMemory() {
    return allocator.getPeakMemoryAllocation();
  }

  /** Blocks until the server stops. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Stops the server gracefully: no new calls, calls in progress may finish (up to {@code grace}),
   * then the rest are cancelled, which Flight does within a few seconds — an upload cut off commits
   * nothing and its files are deleted before this returns — and transactions clients still hold are
   * rolled back.
   */
  public void close(long grace, TimeUnit unit) throws InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    reaper.shutdownNow();
    server.shutdown();
    try {
      if (!server.awaitTermination(grace, unit)) {
        server.close();
      }
      awaitCalls();
    } finally {
      held.rollbackAll();
      try {
        server.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      closeAllocator();
    }
  }

  /** Waits for the calls still running (cancelled ones unwinding) to end. */
  private void awaitCalls() throws InterruptedException {
    calls.shutdown();
    if (!calls.awaitTermination(UNWIND_SECONDS, TimeUnit.SECONDS)) {
      System.err.println(
          "quacklake serve: calls still running "
              + UNWIND_SECONDS
              + " s after they were cancelled; stopping without them");
    }
  }

  /**
   * Releases the server's memory. A call that did not end in time may still hold buffers; they are
   * freed with the process, so a leak report here is not an error worth failing the shutdown.
   */
  private void closeAllocator() {
    try {
      allocator.close();
    } catch (IllegalStateException leakedByCancelledCall) {
      System.err.println(
          "quacklake serve: " + leakedByCancelledCall.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** {@link #close(long, TimeUnit)} with 30 seconds' grace. */
  @Override
  public void close() {
    try {
      close(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
