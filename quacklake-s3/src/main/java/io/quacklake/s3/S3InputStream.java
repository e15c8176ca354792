package io.quacklake.s3;

import io.quacklake.storage.SeekableStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads an object with ranged GETs: a request starts at the current position and covers at most
 * {@value #WINDOW} bytes (or what is left), so a column chunk costs one request and never downloads
 * the whole object; a seek outside the open range aborts it. The object's last {@value #TAIL} bytes
 * are fetched once, on the first read that falls in them, and kept: a Parquet file's footer, its
 * length and its page indexes then cost one request together.
 */
final class S3InputStream extends SeekableStream {
  static final long WINDOW = 8L << 20;

  /** Bytes at the end of the object fetched and kept together (footer and page indexes). */
  static final int TAIL = 256 << 10;

  /** A forward seek within the open range reads through at most this many bytes. */
  private static final long SKIP = 1L << 20;

  private final S3Client client;
  private final S3Path path;
  private final long length;
  private final S3Settings settings;
  private final RequestCounter counter;
  private ResponseInputStream<GetObjectResponse> body;
  private long bodyEnd;
  private long pos;
  private final long tailStart;
  private byte[] tail;

  S3InputStream(
      S3Client client, S3Path path, long length, S3Settings settings, RequestCounter counter) {
    this.client = client;
    this.path = path;
    this.length = length;
    this.settings = settings;
    this.counter = counter;
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
      abort();
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
    InputStream in = open(len);
    int n = in.read(b, off, (int) Math.min(len, bodyEnd - pos));
    if (n < 0) {
      abort();
      return -1;
    }
    pos += n;
    if (pos >= bodyEnd) {
      closeBody();
    }
    return n;
  }

  private int readTail(byte[] b, int off, int len) throws IOException {
    abort();
    if (tail == null) {
      try {
        counter.countGet();
        tail =
            client
                .getObjectAsBytes(
                    GetObjectRequest.builder()
                        .bucket(path.bucket())
                        .key(path.key())
                        .range("bytes=" + tailStart + "-" + (length - 1))
                        .build())
                .asByteArray();
      } catch (SdkException e) {
        throw S3Errors.map(e, "read", path, settings);
      }
      if (tail.length != length - tailStart) {
        throw new IOException(
            "s3://"
                + path.bucket()
                + "/"
                + path.key()
                + " returned "
                + tail.length
                + " bytes for its last "
                + (length - tailStart)
                + "; the object changed while it was read");
      }
    }
    int n = (int) Math.min(len, length - pos);
    System.arraycopy(tail, (int) (pos - tailStart), b, off, n);
    pos += n;
    return n;
  }

  private InputStream open(int wanted) throws IOException {
    if (body != null) {
      return body;
    }
    long end = Math.min(length, pos + Math.max(WINDOW, wanted));
    try {
      counter.countGet();
      body =
          client.getObject(
              GetObjectRequest.builder()
                  .bucket(path.bucket())
                  .key(path.key())
                  .range("bytes=" + pos + "-" + (end - 1))
                  .build());
    } catch (SdkException e) {
      throw S3Errors.map(e, "read", path, settings);
    }
    bodyEnd = end;
    return body;
  }

  private void abort() {
    if (body != null) {
      body.abort();
      closeBody();
    }
  }

  private void closeBody() {
    try {
      if (body != null) {
        body.close();
      }
    } catch (IOException ignored) {
      // the connection is discarded either way
    }
    body = null;
  }

  @Override
  public void close() {
    abort();
  }
}
