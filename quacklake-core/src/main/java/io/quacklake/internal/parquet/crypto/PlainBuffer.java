package io.quacklake.internal.parquet.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The plain bytes of a file being written for encryption, held until it is complete; its buffer is
 * handed to {@link EncryptedParquet#encrypt} without a copy. At most 2 GB: a larger file is refused
 * with a way out rather than exhausting the heap.
 */
public final class PlainBuffer extends ByteArrayOutputStream {
  private static final int LIMIT = Integer.MAX_VALUE - 64 * 1024 * 1024;

  public PlainBuffer() {
    super(1 << 16);
  }

  /**
   * Appends bytes.
   *
   * @throws IOException when the file would pass 2 GB
   */
  public void append(byte[] b, int off, int len) throws IOException {
    if ((long) count + len > LIMIT) {
      throw new IOException(
          "an encrypted Parquet file is held in memory until it is complete, and this one passes"
              + " 2 GB; lower the lake's target_file_size");
    }
    write(b, off, len);
  }

  /** The buffer; its first {@link #size()} bytes are the file. */
  public byte[] bytes() {
    return buf;
  }
}
