package io.quacklake.internal.storage;

import io.quacklake.storage.SeekableStream;

/** A seekable view of a byte array (not copied). */
public final class BytesStream extends SeekableStream {
  private final byte[] bytes;
  private final int length;
  private int pos;

  public BytesStream(byte[] bytes) {
    this(bytes, bytes.length);
  }

  /** A view of the first {@code length} bytes of {@code bytes}. */
  public BytesStream(byte[] bytes, int length) {
    this.bytes = bytes;
    this.length = length;
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void seek(long position) {
    pos = (int) Math.min(position, length);
  }

  @Override
  public int read() {
    return pos < length ? bytes[pos++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (pos >= length) {
      return -1;
    }
    int n = Math.min(len, length - pos);
    System.arraycopy(bytes, pos, b, off, n);
    pos += n;
    return n;
  }
}
