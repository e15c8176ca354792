package io.quacklake.cli.warm;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;

/**
 * A command's standard input in the warm process: each read asks the client for at most as many
 * bytes as it wants and waits for them, so the client reads its own input only as far as the
 * command does.
 */
final class RequestedInput extends InputStream {
  private final DataOutputStream out;
  private final BlockingQueue<WarmServer.Chunk> chunks;
  private byte[] pending = new byte[0];
  private int position;
  private boolean ended;
  private volatile boolean closed;

  RequestedInput(DataOutputStream out, BlockingQueue<WarmServer.Chunk> chunks) {
    this.out = out;
    this.chunks = chunks;
  }

  @Override
  public synchronized int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (position == pending.length) {
      if (ended) {
        return -1;
      }
      fetch(len);
    }
    int n = Math.min(len, pending.length - position);
    System.arraycopy(pending, position, b, off, n);
    position += n;
    return n;
  }

  private void fetch(int wanted) throws IOException {
    if (closed) {
      throw new IOException("standard input is closed: the command has finished");
    }
    Frames.frame(out, Frames.NEED, Math.min(wanted, 1 << 20));
    // the client owes one answer per need: waiting for it ignores interrupts (and keeps them), so
    // answers never pile up
    WarmServer.Chunk chunk = null;
    boolean interrupted = false;
    while (chunk == null) {
      try {
        chunk = chunks.take();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (chunk.failure() != null) {
      throw new IOException("reading standard input failed: " + chunk.failure());
    }
    if (chunk.bytes() == null) {
      ended = true;
      return;
    }
    pending = chunk.bytes();
    position = 0;
  }

  /** Ends the command's use of the client's input: later reads fail. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public int available() {
    return pending.length - position;
  }
}
