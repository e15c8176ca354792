package io.quacklake.internal.storage;

import io.quacklake.storage.SeekableStream;

/** A seekable view of a byte array (not copied). */
public final class BytesStream extends SeekableStream {
  private final byte[] bytes;
  private int pos;

  public BytesStream(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void seek(long position) {
    pos = (int) Math.min(position, bytes.length);
  }

  @Override
  public int read() {
    return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (pos >= bytes.length) {
      return -1;
    }
    int n = Math.min(len, bytes.length - pos);
    System.arraycopy(bytes, pos, b, off, n);
    pos += n;
    return n;
  }
}
