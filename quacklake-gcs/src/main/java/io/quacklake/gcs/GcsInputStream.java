package io.quacklake.gcs;

import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Storage;
import io.quacklake.storage.SeekableStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;

/**
 * Reads an object with ranged requests: a read starts a request at the current position covering at
 * most {@value #WINDOW} bytes (or what is left), so a column chunk costs one request and never
 * downloads the whole object; a seek outside the open range drops it. The object's last {@value
 * #TAIL} bytes are fetched once, on the first read that falls in them, and kept: a Parquet file's
 * footer, its length and its page indexes then cost one request together.
 */
final class GcsInputStream extends SeekableStream {
  static final long WINDOW = 8L << 20;

  /** Bytes at the end of the object fetched and kept together (footer and page indexes). */
  static final int TAIL = 256 << 10;

  /** A forward seek within the open range reads through at most this many bytes. */
  private static final long SKIP = 1L << 20;

  private final Storage storage;
  private final GcsPath path;
  private final long length;
  private final GcsSettings settings;
  private final long tailStart;
  private InputStream body;
  private long bodyEnd;
  private long pos;
  private byte[] tail;

  GcsInputStream(Storage storage, GcsPath path, long length, GcsSettings settings) {
    this.storage = storage;
    this.path = path;
    this.length = length;
    this.settings = settings;
    this.tailStart = Math.max(0, length - TAIL);
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void seek(long position) throws IOException {
    if (position == pos) {
      return;
    }
    if (body != null && (position < pos || position >= bodyEnd || position - pos > SKIP)) {
      closeBody();
    } else if (body != null) {
      body.skipNBytes(position - pos);
    }
    pos = position;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos >= length) {
      return -1;
    }
    if (pos >= tailStart) {
      return readTail(b, off, len);
    }
    int n;
    try {
      n = open(len).read(b, off, (int) Math.min(len, bodyEnd - pos));
    } catch (IOException | RuntimeException e) {
      closeBody();
      throw GcsErrors.map(e, "read", path, settings);
    }
    if (n < 0) {
      closeBody();
      throw changed(bodyEnd - pos);
    }
    pos += n;
    if (pos >= bodyEnd) {
      closeBody();
    }
    return n;
  }

  private int readTail(byte[] b, int off, int len) throws IOException {
    closeBody();
    if (tail == null) {
      try (InputStream in = range(tailStart, length)) {
        tail = in.readAllBytes();
      } catch (IOException | RuntimeException e) {
        throw GcsErrors.map(e, "read", path, settings);
      }
      if (tail.length != length - tailStart) {
        long wanted = length - tailStart;
        tail = null;
        throw changed(wanted);
      }
    }
    int n = (int) Math.min(len, length - pos);
    System.arraycopy(tail, (int) (pos - tailStart), b, off, n);
    pos += n;
    return n;
  }

  private InputStream open(int wanted) throws IOException {
    if (body == null) {
      long end = Math.min(length, pos + Math.max(WINDOW, wanted));
      body = range(pos, end);
      bodyEnd = end;
    }
    return body;
  }

  /** A stream of bytes [start, end) of the object: one ranged request. */
  private InputStream range(long start, long end) throws IOException {
    ReadChannel channel = storage.reader(path.blobId());
    channel.seek(start);
    channel.limit(end);
    return Channels.newInputStream(channel);
  }

  private IOException changed(long wanted) {
    return new IOException(
        path + " ended " + wanted + " bytes early; the object changed while it was read");
  }

  private void closeBody() {
    try {
      if (body != null) {
        body.close();
      }
    } catch (IOException | RuntimeException ignored) {
      // the connection is discarded either way
    }
    body = null;
  }

  @Override
  public void close() {
    closeBody();
  }
}
