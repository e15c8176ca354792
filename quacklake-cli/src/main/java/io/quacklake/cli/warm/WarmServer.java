package io.quacklake.cli.warm;

import io.quacklake.cli.Main;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves commands on a Unix socket, one at a time (a second client while one runs is told busy and
 * runs its command itself): the command runs through {@link Main#runFor} with {@code System.in},
 * {@code out} and {@code err} pointed at the client. A client that goes away before its command
 * ends (Ctrl-C) ends the server as it would have ended a process of its own, and so does an error
 * of the virtual machine; after {@code idle} seconds without a command the server ends too.
 */
public final class WarmServer {
  private static final int CLIENT_GONE = 130;

  private final Path socket;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong lastUsed = new AtomicLong(System.nanoTime());

  private WarmServer(Path socket) {
    this.socket = socket;
  }

  /** Serves on {@code socket}, ending after {@code idleSeconds} without a command. */
  public static void serve(Path socket, long idleSeconds) throws IOException {
    ServerSocketChannel server = bind(socket);
    if (server == null) {
      return;
    }
    WarmServer warm = new WarmServer(socket);
    Thread watchdog = new Thread(() -> warm.watch(idleSeconds), "quacklake-warm-idle");
    watchdog.setDaemon(true);
    watchdog.start();
    while (true) {
      SocketChannel client = server.accept();
      if (!warm.busy.compareAndSet(false, true)) {
        warm.refuse(client);
        continue;
      }
      Thread t = new Thread(() -> warm.serve(client), "quacklake-warm-command");
      t.start();
    }
  }

  /** The bound socket, or null when a live server already answers there. */
  private static ServerSocketChannel bind(Path socket) throws IOException {
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(address);
      return server;
    } catch (IOException inUse) {
      try {
        SocketChannel.open(address).close();
        server.close();
        return null;
      } catch (IOException stale) {
        Files.deleteIfExists(socket);
        server.bind(address);
        return server;
      }
    }
  }

  private void watch(long idleSeconds) {
    while (true) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      long idle = System.nanoTime() - lastUsed.get();
      if (!busy.get() && idle > idleSeconds * 1_000_000_000L && busy.compareAndSet(false, true)) {
        end(0);
      }
    }
  }

  private void refuse(SocketChannel client) {
    try (client) {
      client.write(ByteBuffer.wrap(new byte[] {Frames.BUSY, 0, 0, 0, 0}));
    } catch (IOException ignored) {
      // the client went away; it runs the command itself either way
    }
  }

  private void serve(SocketChannel client) {
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    boolean fatal = false;
    try (client) {
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Frames.input(client), 1 << 16));
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Frames.output(client), 1 << 16));
      Frames.Request request = Frames.Request.read(in);
      Frames.frame(out, Frames.ACCEPTED, new byte[0], 0, 0);
      PipedInputStream input = new PipedInputStream(1 << 20);
      PipedOutputStream feed = new PipedOutputStream(input);
      AtomicBoolean finished = new AtomicBoolean();
      Thread reader = new Thread(() -> pump(in, feed, finished), "quacklake-warm-stdin");
      reader.setDaemon(true);
      reader.start();
      PrintStream cout =
          new PrintStream(new BufferedOutputStream(Frames.stream(out, Frames.OUT), 1 << 13), true);
      PrintStream cerr =
          new PrintStream(new BufferedOutputStream(Frames.stream(out, Frames.ERR), 1 << 13), true);
      System.setIn(input);
      System.setOut(cout);
      System.setErr(cerr);
      int code;
      try {
        code = Main.runFor(request.console(), request.args().toArray(String[]::new));
      } catch (Throwable t) {
        fatal = t instanceof Error;
        cerr.println("quacklake: " + t);
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
      byte[] exit = {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code};
      Frames.frame(out, Frames.EXIT, exit, 0, 4);
    } catch (IOException e) {
      fatal = true;
    } finally {
      lastUsed.set(System.nanoTime());
      busy.set(false);
    }
    if (fatal) {
      end(CLIENT_GONE);
    }
  }

  /**
   * Copies the client's standard input into the command's until it ends, then watches the socket:
   * the client closing it before the exit frame means it was interrupted, and so is the command.
   */
  private void pump(DataInputStream in, PipedOutputStream feed, AtomicBoolean finished) {
    try {
      try (feed) {
        byte[] chunk = new byte[1 << 16];
        for (int len = in.readInt(); len > 0; len = in.readInt()) {
          in.readFully(chunk, 0, len);
          feed.write(chunk, 0, len);
        }
      } catch (IOException closed) {
        if (finished.get()) {
          return;
        }
      }
      while (in.read() >= 0) {
        // the client sends nothing after its input; read on to see it go
      }
    } catch (IOException gone) {
      // the same as the end of the stream
    }
    if (!finished.get()) {
      end(CLIENT_GONE);
    }
  }

  private void end(int code) {
    try {
      Files.deleteIfExists(socket);
    } catch (IOException ignored) {
      // a stale socket is removed by the next server or client
    }
    Runtime.getRuntime().halt(code);
  }
}
