package io.quacklake.cli.warm;

import io.quacklake.cli.Main;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves commands on a Unix socket, one at a time: a second client while one runs is told busy and
 * runs its command itself. A command runs through {@link Main#runFor} with {@code System.in},
 * {@code out} and {@code err} pointed at its client; standard input is fetched from the client only
 * as the command reads it. A client that goes away before its command ends (Ctrl-C) ends the server
 * at once, as it would have ended a process of its own, before the command can take the cut-off
 * input for its end; so does an error of the virtual machine. A connection that never says what to
 * run is dropped after ten seconds; after {@code idle} seconds without a command the server ends.
 */
public final class WarmServer {
  private static final int CLIENT_GONE = 130;
  private static final long REQUEST_SECONDS = 10;

  private final SocketFile socket;
  private final Object bound;
  private final String directory;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile boolean ending;
  private final AtomicLong lastUsed = new AtomicLong(System.nanoTime());
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "quacklake-warm-timer");
            t.setDaemon(true);
            return t;
          });

  private WarmServer(SocketFile socket, Object bound) {
    this.socket = socket;
    this.bound = bound;
    this.directory = WorkingDirectory.identity();
  }

  /** Serves on {@code socket}, ending after {@code idleSeconds} without a command. */
  public static void serve(Path socket, long idleSeconds) throws IOException {
    SocketFile file = new SocketFile(socket);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    Object bound =
        file.locked(
            () -> {
              if (file.answers()) {
                return null;
              }
              Files.deleteIfExists(socket);
              server.bind(UnixDomainSocketAddress.of(socket));
              return file.identity();
            });
    if (bound == null) {
      server.close();
      return;
    }
    WarmServer warm = new WarmServer(file, bound);
    warm.timer.scheduleWithFixedDelay(() -> warm.endIfIdle(idleSeconds), 1, 1, TimeUnit.SECONDS);
    while (true) {
      SocketChannel client = server.accept();
      new Thread(() -> warm.serve(client), "quacklake-warm-command").start();
    }
  }

  private void endIfIdle(long idleSeconds) {
    long idle = System.nanoTime() - lastUsed.get();
    if (idle > TimeUnit.SECONDS.toNanos(idleSeconds) && busy.compareAndSet(false, true)) {
      end(0);
    }
  }

  private void serve(SocketChannel client) {
    boolean taken = false;
    boolean fatal = false;
    try (client) {
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Frames.input(client), 1 << 16));
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Frames.output(client), 1 << 16));
      Frames.Request request = takeRequest(client, in, out);
      if (request == null) {
        return;
      }
      taken = true;
      Outcome outcome = run(request, in, out);
      fatal = outcome.fatal();
      if (!fatal) {
        // free before the exit frame: the client's next command may come at once
        taken = false;
        release();
      }
      Frames.frame(out, Frames.EXIT, outcome.code());
    } catch (IOException dropped) {
      // before the command ran (a probe, a client that gave up) or after it ended: nothing to undo
    } finally {
      if (taken && !fatal) {
        release();
      }
    }
    if (fatal) {
      end(70);
    }
  }

  /** Frees the server for the next command (once per command; never while it is ending). */
  private void release() {
    if (!ending) {
      lastUsed.set(System.nanoTime());
      busy.set(false);
    }
  }

  /** A command's exit code, and whether the server must end (an error of the virtual machine). */
  private record Outcome(int code, boolean fatal) {}

  /**
   * Reads the request, answers it and waits for go: the request when the command is to run (the
   * server is then busy), null when it is not (busy with another, another working directory, or the
   * client gave up).
   */
  private Frames.Request takeRequest(SocketChannel client, DataInputStream in, DataOutputStream out)
      throws IOException {
    Deadline deadline = Deadline.close(timer, client, REQUEST_SECONDS);
    try {
      Frames.Request request = Frames.Request.read(in);
      if (!request.directory().equals(directory)) {
        Frames.frame(out, Frames.REFUSED, new byte[0], 0, 0);
        return null;
      }
      if (ending || !busy.compareAndSet(false, true)) {
        Frames.frame(out, Frames.BUSY, new byte[0], 0, 0);
        return null;
      }
      boolean go = false;
      try {
        Frames.frame(out, Frames.ACCEPTED, new byte[0], 0, 0);
        go = in.readByte() == Frames.GO && deadline.settle();
        return go ? request : null;
      } finally {
        if (!go) {
          release();
        }
      }
    } finally {
      deadline.settle();
    }
  }

  /** Runs the command, its streams pointed at the client and back again. */
  private Outcome run(Frames.Request request, DataInputStream in, DataOutputStream out) {
    AtomicBoolean finished = new AtomicBoolean();
    BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(1);
    Thread reader = new Thread(() -> read(in, chunks, finished), "quacklake-warm-input");
    reader.setDaemon(true);
    reader.start();
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    PrintStream cout =
        new PrintStream(new BufferedOutputStream(Frames.stream(out, Frames.OUT), 1 << 13), true);
    PrintStream cerr =
        new PrintStream(new BufferedOutputStream(Frames.stream(out, Frames.ERR), 1 << 13), true);
    boolean fatal;
    int code;
    RequestedInput input = new RequestedInput(out, chunks);
    System.setIn(input);
    System.setOut(cout);
    System.setErr(cerr);
    try {
      code = Main.runFor(request.console(), request.args().toArray(String[]::new));
      fatal = Main.failedFatally();
    } catch (Throwable t) {
      fatal = t instanceof Error;
      cerr.println("quacklake: internal error: " + t);
      code = 70;
    } finally {
      finished.set(true);
      input.close();
      cout.flush();
      cerr.flush();
      System.setIn(stdin);
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new Outcome(code, fatal);
  }

  /**
   * Hands the client's chunks of standard input to the command, and watches the connection: the
   * client closing it before the command finished means it was interrupted, and the server ends
   * before the command can see the cut-off input as complete.
   */
  private void read(DataInputStream in, BlockingQueue<Chunk> chunks, AtomicBoolean finished) {
    try {
      while (true) {
        int len = in.readInt();
        Chunk chunk;
        if (len == Frames.END) {
          chunk = Chunk.END;
        } else if (len == Frames.FAILED) {
          chunk = new Chunk(null, Frames.readString(in));
        } else if (len >= 0 && len <= 1 << 20) {
          byte[] b = new byte[len];
          in.readFully(b);
          chunk = new Chunk(b, null);
        } else {
          throw new IOException("a chunk of " + len + " bytes");
        }
        chunks.put(chunk);
      }
    } catch (IOException | InterruptedException gone) {
      if (!finished.get()) {
        end(CLIENT_GONE);
      }
      // a thread of the finished command still reading gets an error, not a wait forever
      chunks.offer(new Chunk(null, "the command has finished"));
    }
  }

  private void end(int code) {
    ending = true;
    try {
      socket.removeIfStill(bound);
    } catch (IOException | RuntimeException ignored) {
      // a stale socket is removed by the next server or client
    } finally {
      Runtime.getRuntime().halt(code);
    }
  }

  /** Bytes of the client's standard input, its end ({@code END}), or why reading it failed. */
  record Chunk(byte[] bytes, String failure) {
    static final Chunk END = new Chunk(null, null);
  }
}
