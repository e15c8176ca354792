package io.quacklake.cli.warm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a command in the warm process at a socket: sends the arguments, forwards standard input,
 * writes what comes back to standard output and error, and returns the command's exit code.
 */
public final class WarmClient {
  /** What {@link #run} returns when no server took the command: nothing of it has run. */
  public static final int NOT_RUN = Integer.MIN_VALUE;

  private static final int LOST = 70;

  private WarmClient() {}

  /**
   * Runs {@code args} in the server at {@code socket} with {@code stdin} as its standard input
   * (closed once the command has run, so it should be interruptible by closing, as a channel's
   * stream is); {@link #NOT_RUN} when none answers there (a stale socket is removed) or it is busy
   * with another command, and then nothing has run.
   */
  public static int run(Path socket, List<String> args, InputStream stdin) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException noServer) {
      try {
        Files.deleteIfExists(socket);
      } catch (IOException ignored) {
        // the launcher starts a new server once it is gone
      }
      return NOT_RUN;
    }
    try (channel) {
      // the server answers ACCEPTED or BUSY before anything else: standard input is forwarded only
      // once the command is taken, so that a refused command still has all of it
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Frames.output(channel), 1 << 16));
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Frames.input(channel), 1 << 16));
      Thread pump = new Thread(() -> forward(stdin, out), "quacklake-stdin");
      pump.setDaemon(true);
      try {
        new Frames.Request(System.console() != null, args).write(out);
        byte first = in.readByte();
        in.readInt();
        if (first != Frames.ACCEPTED) {
          return NOT_RUN;
        }
      } catch (IOException refused) {
        return NOT_RUN;
      }
      pump.start();
      byte[] buffer = new byte[1 << 16];
      while (true) {
        byte kind = in.readByte();
        int len = in.readInt();
        byte[] b = len <= buffer.length ? buffer : new byte[len];
        in.readFully(b, 0, len);
        switch (kind) {
          case Frames.OUT -> {
            System.out.write(b, 0, len);
            System.out.flush();
          }
          case Frames.ERR -> {
            System.err.write(b, 0, len);
            System.err.flush();
          }
          case Frames.EXIT -> {
            System.out.flush();
            // unblocks the forwarding thread: a thread blocked reading holds up the exit of the
            // virtual machine by 300 ms
            stdin.close();
            return ByteBuffer.wrap(b, 0, 4).getInt();
          }
          default -> throw new IOException("unexpected frame " + kind);
        }
      }
    } catch (IOException e) {
      System.out.flush();
      System.err.println(
          "quacklake: the warm process ended before the command finished ("
              + e.getMessage()
              + "); check the lake (snapshots) before running it again");
      return LOST;
    }
  }

  private static void forward(InputStream from, DataOutputStream to) {
    byte[] chunk = new byte[1 << 16];
    try {
      for (int n = from.read(chunk); n >= 0; n = from.read(chunk)) {
        if (n > 0) {
          synchronized (to) {
            to.writeInt(n);
            to.write(chunk, 0, n);
            to.flush();
          }
        }
      }
      synchronized (to) {
        to.writeInt(0);
        to.flush();
      }
    } catch (IOException e) {
      // the command ended, or the server went away: the reader reports which
    }
  }
}
