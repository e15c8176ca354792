package io.quacklake.cli.warm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format between client and server. The client sends a {@link Request}, then its standard
 * input as chunks (a length and the bytes; length 0 ends it). The server answers with frames of a
 * kind, a length and the bytes: first accepted (the command runs) or busy (nothing else follows:
 * the client runs the command itself), then standard output, standard error and the exit code (four
 * bytes, the last frame).
 */
final class Frames {
  static final int MAGIC = 0x51574c31;
  static final byte OUT = 1;
  static final byte ERR = 2;
  static final byte EXIT = 3;
  static final byte BUSY = 4;
  static final byte ACCEPTED = 5;

  private Frames() {}

  /** A command: its arguments and whether the client's input and output are a terminal. */
  record Request(boolean console, List<String> args) {
    void write(DataOutputStream out) throws IOException {
      out.writeInt(MAGIC);
      out.writeBoolean(console);
      out.writeInt(args.size());
      for (String a : args) {
        byte[] b = a.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
      }
      out.flush();
    }

    static Request read(DataInputStream in) throws IOException {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a quacklake warm-process request");
      }
      boolean console = in.readBoolean();
      int n = in.readInt();
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        args.add(new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
      }
      return new Request(console, args);
    }
  }

  /** Writes one frame; frames from several threads never interleave. */
  static void frame(DataOutputStream out, byte kind, byte[] b, int off, int len)
      throws IOException {
    synchronized (out) {
      out.writeByte(kind);
      out.writeInt(len);
      out.write(b, off, len);
      out.flush();
    }
  }

  /** An output stream whose bytes travel as frames of one kind. */
  static OutputStream stream(DataOutputStream out, byte kind) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) {
          frame(out, kind, b, off, len);
        }
      }
    };
  }

  /**
   * The socket's input as a stream. (Not {@code Channels.newInputStream}: on Java 17 its reads and
   * the writes of {@code Channels.newOutputStream} take the same lock, so a blocked read stops
   * every write.)
   */
  static InputStream input(SocketChannel channel) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
      }
    };
  }

  /** The socket's output as a stream (see {@link #input}). */
  static OutputStream output(SocketChannel channel) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    };
  }
}
