package io.quacklake.cli.warm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs a command in the warm process at a socket: sends the arguments, answers the command's reads
 * of standard input, writes what comes back to standard output and error, and returns the command's
 * exit code.
 */
public final class WarmClient {
  /** {@link #run} found no server: nothing of the command has run. */
  public static final int NOT_RUN = Integer.MIN_VALUE;

  /**
   * {@link #run} found the server busy with another command, or serving another working directory:
   * nothing of the command has run.
   */
  public static final int BUSY = Integer.MIN_VALUE + 1;

  private static final int LOST = 70;
  private static final long ANSWER_SECONDS = 10;

  private WarmClient() {}

  /** Whether {@code code} from {@link #run} means the command did not run there. */
  public static boolean ranElsewhere(int code) {
    return code == NOT_RUN || code == BUSY;
  }

  /**
   * Runs {@code args} in the server at {@code socket}, reading {@code stdin} only as the command
   * asks for it; {@link #NOT_RUN} or {@link #BUSY} when it did not take the command (nothing has
   * run), else the command's exit code. A socket nobody answers on is removed.
   */
  public static int run(Path socket, List<String> args, InputStream stdin) {
    return run(socket, args, stdin, System.out, System.err, WorkingDirectory.identity());
  }

  /** As {@link #run(Path, List, InputStream)}, with the given output streams and directory. */
  static int run(
      Path socket,
      List<String> args,
      InputStream stdin,
      PrintStream stdout,
      PrintStream stderr,
      String directory) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException noServer) {
      removeStale(socket);
      return NOT_RUN;
    }
    try (channel) {
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Frames.output(channel), 1 << 16));
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Frames.input(channel), 1 << 16));
      if (!taken(channel, in, out, new Frames.Request(System.console() != null, directory, args))) {
        return BUSY;
      }
      return serve(in, out, stdin, stdout, stderr);
    } catch (IOException e) {
      stdout.flush();
      stderr.println(
          "quacklake: the warm process ended before the command finished ("
              + e.getMessage()
              + "); check the lake (snapshots) before running it again");
      return LOST;
    }
  }

  /**
   * Sends the request and, once the server accepts it, go: whether the command runs there. A server
   * that does not answer within ten seconds (stopped, stuck) is given up on before go, so the
   * command never runs there later.
   */
  private static boolean taken(
      SocketChannel channel, DataInputStream in, DataOutputStream out, Frames.Request request) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "quacklake-warm-wait");
              t.setDaemon(true);
              return t;
            });
    // go is sent only if the deadline has not closed the connection, and then it never will: the
    // command runs there exactly when go was sent
    Deadline deadline = Deadline.close(timer, channel, ANSWER_SECONDS);
    try {
      request.write(out);
      byte kind = in.readByte();
      in.readInt();
      if (kind != Frames.ACCEPTED || !deadline.settle()) {
        return false;
      }
      out.writeByte(Frames.GO);
      out.flush();
      return true;
    } catch (IOException refused) {
      return false;
    } finally {
      timer.shutdownNow();
    }
  }

  private static int serve(
      DataInputStream in,
      DataOutputStream out,
      InputStream stdin,
      PrintStream stdout,
      PrintStream stderr)
      throws IOException {
    byte[] buffer = new byte[1 << 16];
    while (true) {
      byte kind = in.readByte();
      int len = in.readInt();
      if (len < 0 || len > Frames.MAX_FRAME) {
        throw new IOException("a frame of " + len + " bytes");
      }
      byte[] b = len <= buffer.length ? buffer : new byte[len];
      in.readFully(b, 0, len);
      switch (kind) {
        case Frames.OUT -> {
          stdout.write(b, 0, len);
          stdout.flush();
        }
        case Frames.ERR -> {
          stderr.write(b, 0, len);
          stderr.flush();
        }
        case Frames.NEED -> answer(out, stdin, ByteBuffer.wrap(b, 0, 4).getInt());
        case Frames.EXIT -> {
          stdout.flush();
          return ByteBuffer.wrap(b, 0, 4).getInt();
        }
        default -> throw new IOException("unexpected frame " + kind);
      }
    }
  }

  /**
   * Reads at most {@code wanted} bytes of standard input and sends them (or its end, or why not).
   */
  private static void answer(DataOutputStream out, InputStream stdin, int wanted)
      throws IOException {
    byte[] chunk = new byte[Math.max(1, Math.min(wanted, 1 << 16))];
    int n;
    try {
      n = stdin.read(chunk);
    } catch (IOException e) {
      out.writeInt(Frames.FAILED);
      Frames.writeString(out, String.valueOf(e.getMessage()));
      out.flush();
      return;
    }
    if (n < 0) {
      out.writeInt(Frames.END);
    } else {
      out.writeInt(n);
      out.write(chunk, 0, n);
    }
    out.flush();
  }

  /** Removes the socket when nobody answers on it, under its lock (see {@link SocketFile}). */
  private static void removeStale(Path socket) {
    SocketFile file = new SocketFile(socket);
    try {
      file.locked(
          () -> {
            file.removeIfStale();
            return null;
          });
    } catch (IOException ignored) {
      // the next server removes it
    }
  }
}
