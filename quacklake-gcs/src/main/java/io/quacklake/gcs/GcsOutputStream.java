package io.quacklake.gcs;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import io.quacklake.storage.Abortable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Writes an object as it streams. Up to {@value #CHUNK_SIZE} bytes are buffered in memory: a
 * smaller object is one upload request on close; a larger one becomes a resumable upload whose
 * chunks ({@value #CHUNK_SIZE} bytes, the client's buffer) go out as they fill, so memory stays
 * bounded whatever the size. Nothing is visible under the name until {@link #close()} finalizes the
 * upload. A failure or {@link #abort} drops the buffer and never finalizes: an unfinished resumable
 * session holds no object and expires on the server. The stream is then done: a later close
 * publishes nothing.
 */
final class GcsOutputStream extends OutputStream implements Abortable {
  /** A multiple of 256 KiB, as resumable uploads require. */
  static final int CHUNK_SIZE = 8 << 20;

  private final Storage storage;
  private final GcsPath path;
  private final GcsSettings settings;
  private byte[] buffer = new byte[CHUNK_SIZE];
  private int filled;
  private WriteChannel upload;

  /** Closed, failed or aborted: nothing more is sent. */
  private boolean done;

  GcsOutputStream(Storage storage, GcsPath path, GcsSettings settings) {
    this.storage = storage;
    this.path = path;
    this.settings = settings;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (done) {
      throw new IOException("upload of " + path + " is already closed, failed or aborted");
    }
    try {
      if (upload != null) {
        writeFully(ByteBuffer.wrap(b, off, len));
        return;
      }
      if (filled + len <= CHUNK_SIZE) {
        System.arraycopy(b, off, buffer, filled, len);
        filled += len;
        return;
      }
      upload = storage.writer(BlobInfo.newBuilder(path.blobId()).build());
      upload.setChunkSize(CHUNK_SIZE);
      writeFully(ByteBuffer.wrap(buffer, 0, filled));
      buffer = null;
      writeFully(ByteBuffer.wrap(b, off, len));
    } catch (IOException | RuntimeException e) {
      abort();
      throw GcsErrors.map(e, "upload", path, settings);
    }
  }

  private void writeFully(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      upload.write(bytes);
    }
  }

  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    try {
      if (upload == null) {
        storage.create(BlobInfo.newBuilder(path.blobId()).build(), buffer, 0, filled);
      } else {
        upload.close();
      }
    } catch (IOException | RuntimeException e) {
      throw GcsErrors.map(e, "write", path, settings);
    } finally {
      done = true;
      buffer = null;
      upload = null;
    }
  }

  /** Drops the buffer and the unfinished upload, which is never finalized. */
  @Override
  public void abort() {
    done = true;
    buffer = null;
    upload = null;
  }
}
