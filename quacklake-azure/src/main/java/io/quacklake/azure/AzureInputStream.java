package io.quacklake.azure;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.DownloadRetryOptions;
import io.quacklake.storage.SeekableStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Reads a blob with ranged GETs: a read that misses the buffer fetches at least {@value #CHUNK}
 * bytes from the current position (at most {@value #WINDOW}, never past the end), straight into the
 * caller's array when the read is that large, so a column chunk costs one request and memory stays
 * bounded. The blob's last {@value #TAIL} bytes are fetched once, on the first read that falls in
 * them, and kept: a Parquet file's footer, its length and its page indexes then cost one request
 * together.
 */
final class AzureInputStream extends SeekableStream {
  static final int CHUNK = 1 << 20;
  static final int WINDOW = 8 << 20;

  /** Bytes at the end of the blob fetched and kept together (footer and page indexes). */
  static final int TAIL = 256 << 10;

  private static final DownloadRetryOptions RESUME =
      new DownloadRetryOptions().setMaxRetryRequests(3);

  private final BlobClient client;
  private final AzureLocation path;
  private final long length;
  private final String endpoint;
  private final RequestCounter counter;
  private final long tailStart;
  private byte[] tail;
  private byte[] buffer;
  private long bufferStart;
  private int buffered;
  private long pos;

  AzureInputStream(
      BlobClient client, AzureLocation path, long length, String endpoint, RequestCounter counter) {
    this.client = client;
    this.path = path;
    this.length = length;
    this.endpoint = endpoint;
    this.counter = counter;
    this.tailStart = Math.max(0, length - TAIL);
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void seek(long position) throws IOException {
    if (position < 0) {
      throw new IOException("cannot seek " + path + " to " + position);
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
    int n;
    if (pos >= tailStart) {
      if (tail == null) {
        tail = new byte[(int) (length - tailStart)];
        fetch(tailStart, tail, 0, tail.length);
      }
      n = (int) Math.min(len, length - pos);
      System.arraycopy(tail, (int) (pos - tailStart), b, off, n);
    } else if (buffer != null && pos >= bufferStart && pos < bufferStart + buffered) {
      n = (int) Math.min(len, bufferStart + buffered - pos);
      System.arraycopy(buffer, (int) (pos - bufferStart), b, off, n);
    } else if (len >= CHUNK) {
      n = (int) Math.min(Math.min(len, WINDOW), tailStart - pos);
      fetch(pos, b, off, n);
    } else {
      int size = (int) Math.min(CHUNK, tailStart - pos);
      if (buffer == null) {
        buffer = new byte[CHUNK];
      }
      fetch(pos, buffer, 0, size);
      bufferStart = pos;
      buffered = size;
      n = Math.min(len, size);
      System.arraycopy(buffer, 0, b, off, n);
    }
    pos += n;
    return n;
  }

  /** Reads exactly {@code count} bytes from {@code start} into {@code target}, in one request. */
  private void fetch(long start, byte[] target, int offset, int count) throws IOException {
    ArraySink sink = new ArraySink(target, offset, count);
    try {
      counter.countGet();
      client.downloadStreamWithResponse(
          sink, new BlobRange(start, (long) count), RESUME, null, false, null, Context.NONE);
    } catch (RuntimeException e) {
      throw AzureErrors.map(e, "read", path, endpoint);
    }
    if (sink.written != count) {
      throw new IOException(
          path
              + " returned "
              + sink.written
              + " bytes at offset "
              + start
              + " where "
              + count
              + " were asked for; the blob changed while it was read");
    }
  }

  @Override
  public void close() {
    buffer = null;
    tail = null;
  }

  /** Collects a response body into a slice of an array, refusing more than the slice holds. */
  private static final class ArraySink extends OutputStream {
    private final byte[] target;
    private final int offset;
    private final int capacity;
    private int written;

    ArraySink(byte[] target, int offset, int capacity) {
      this.target = target;
      this.offset = offset;
      this.capacity = capacity;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > capacity) {
        throw new IOException("the server sent more bytes than the range asked for");
      }
      System.arraycopy(b, off, target, offset + written, len);
      written += len;
    }
  }
}
