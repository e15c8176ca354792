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
 * The wire format between client and server.
 *
 * <ol>
 *   <li>The client sends a {@link Request}.
 *   <li>The server answers {@link #ACCEPTED}, {@link #BUSY} or {@link #REFUSED} (a frame: a kind, a
 *       length, the bytes). Only after accepted does the client send {@link #GO}, and only after go
 *       does the command run: a client that gave up waiting never has its command run later.
 *   <li>While the command runs the server sends output ({@link #OUT}, {@link #ERR}) and, each time
 *       the command reads standard input, {@link #NEED} (how many bytes at most). The client
 *       answers each need with a chunk: a length and the bytes, {@link #END} at the end of its
 *       input, or {@link #FAILED} and a message when reading failed. Standard input is read only
 *       when the command asks for it.
 *   <li>{@link #EXIT} (the exit code, four bytes) is the last frame.
 * </ol>
 */
final class Frames {
  static final int MAGIC = 0x51574c32;
  static final byte OUT = 1;
  static final byte ERR = 2;
  static final byte EXIT = 3;
  static final byte BUSY = 4;
  static final byte ACCEPTED = 5;
  static final byte REFUSED = 6;
  static final byte NEED = 7;
  static final byte GO = 8;
  static final int END = -1;
  static final int FAILED = -2;

  /** The largest payload of an output frame. */
  static final int MAX_FRAME = 1 << 20;

  private Frames() {}

  /**
   * A command: its arguments, whether the client's input and output are a terminal, and the
   * identity of the client's working directory (empty where the platform cannot tell).
   */
  record Request(boolean console, String directory, List<String> args) {
    void write(DataOutputStream out) throws IOException {
      out.writeInt(MAGIC);
      out.writeBoolean(console);
      writeString(out, directory);
      out.writeInt(args.size());
      for (String a : args) {
        writeString(out, a);
      }
      out.flush();
    }

    static Request read(DataInputStream in) throws IOException {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a quacklake warm-process request");
      }
      boolean console = in.readBoolean();
      String directory = readString(in);
      int n = in.readInt();
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        args.add(readString(in));
      }
      return new Request(console, directory, args);
    }
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 24) {
      throw new IOException("a string of " + n + " bytes");
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
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

  /** A frame of {@code kind} whose payload is one number. */
  static void frame(DataOutputStream out, byte kind, int value) throws IOException {
    frame(out, kind, ByteBuffer.allocate(4).putInt(value).array(), 0, 4);
  }

  /** An output stream whose bytes travel as frames of one kind. */
  static OutputStream stream(DataOutputStream out, byte kind) {
    return new ArrayOutput() {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        for (int done = 0; done < len; done += MAX_FRAME) {
          frame(out, kind, b, off + done, Math.min(MAX_FRAME, len - done));
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
    return new ArrayOutput() {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    };
  }

  /** An output stream that writes single bytes as arrays of one. */
  private abstract static class ArrayOutput extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }
}
