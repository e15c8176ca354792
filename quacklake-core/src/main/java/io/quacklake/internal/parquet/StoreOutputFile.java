package io.quacklake.internal.parquet;

import io.quacklake.internal.parquet.crypto.EncryptedParquet;
import io.quacklake.internal.parquet.crypto.FileEncryption;
import io.quacklake.storage.Abortable;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over {@link ObjectStore#newOutputFile}. It counts the bytes written
 * and keeps the last eight, so the exact file length and footer length are known without reading
 * the file back.
 */
final class StoreOutputFile implements OutputFile {
  private final ObjectStore store;
  private final Location location;
  private final String key;
  private TrackingStream stream;

  /**
   * @param key the key to encrypt the file with (base64), or null to write it plain
   */
  StoreOutputFile(ObjectStore store, Location location, String key) {
    this.store = store;
    this.location = location;
    this.key = key;
  }

  /** The file's encryption key (base64), or null when it is written plain. */
  String key() {
    return key;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    if (stream != null) {
      throw new IOException("output file " + location + " was already created");
    }
    stream =
        new TrackingStream(
            store.newOutputFile(location),
            key == null ? null : FileEncryption.decode(key, location));
    return stream;
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    return create(blockSizeHint);
  }

  /** Bytes written so far (0 before the file is created). */
  long position() {
    return stream == null ? 0 : stream.getPos();
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return location.value();
  }

  /**
   * From now on, hold the bytes back until close and pass them through {@link FooterRewrite} first.
   * Call just before {@code ParquetFileWriter.end}.
   */
  void captureFooter() {
    stream.capture = new ByteArrayOutputStream();
  }

  /**
   * Gives the file up: aborts the store's stream when it is {@link Abortable} (nothing published,
   * what was written removed), else leaves it unclosed, as closing would publish the partial file.
   * Does nothing once the file was published.
   */
  void abort() {
    if (stream != null) {
      stream.abort();
    }
  }

  /** Bytes written so far. */
  long length() {
    return stream == null ? 0 : stream.position;
  }

  /**
   * The footer length stored before the trailing magic.
   *
   * @throws IOException when the file does not end with {@code PAR1}
   */
  long footerLength() throws IOException {
    if (stream.encryptedFooter >= 0) {
      return stream.encryptedFooter;
    }
    byte[] tail = stream.tail();
    if (tail[4] != 'P' || tail[5] != 'A' || tail[6] != 'R' || tail[7] != '1') {
      throw new IOException("file " + location + " does not end with the PAR1 magic");
    }
    return (tail[0] & 0xFFL)
        | (tail[1] & 0xFFL) << 8
        | (tail[2] & 0xFFL) << 16
        | (tail[3] & 0xFFL) << 24;
  }

  private static final class TrackingStream extends PositionOutputStream {
    private final OutputStream out;
    private final byte[] ring = new byte[8];
    private long position;
    private ByteArrayOutputStream capture;
    private boolean closed;
    private final byte[] key;
    private final io.quacklake.internal.parquet.crypto.PlainBuffer plain;
    private long encryptedFooter = -1;

    /** Encrypts the whole file on close when {@code key} is not null, holding it until then. */
    TrackingStream(OutputStream out, byte[] key) {
      this.out = out;
      this.key = key;
      this.plain = key == null ? null : new io.quacklake.internal.parquet.crypto.PlainBuffer();
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (capture != null) {
        capture.write(b, off, len);
        position += len;
        return;
      }
      if (plain != null) {
        plain.append(b, off, len);
        position += len;
        return;
      }
      track(b, off, len);
      out.write(b, off, len);
    }

    private void track(byte[] b, int off, int len) {
      int start = Math.max(0, len - 8);
      for (int i = start; i < len; i++) {
        ring[(int) ((position + i) & 7)] = b[off + i];
      }
      position += len;
    }

    @Override
    public void flush() throws IOException {
      if (capture == null) {
        out.flush();
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      if (capture != null) {
        byte[] tail = capture.toByteArray();
        position -= tail.length;
        capture = null;
        byte[] fixed = FooterRewrite.apply(tail);
        if (plain != null) {
          plain.append(fixed, 0, fixed.length);
          position += fixed.length;
        } else {
          track(fixed, 0, fixed.length);
          out.write(fixed);
        }
      }
      if (plain != null) {
        position = 0;
        OutputStream tracked =
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                track(b, off, len);
                out.write(b, off, len);
              }
            };
        try {
          encryptedFooter = EncryptedParquet.encrypt(plain.bytes(), plain.size(), key, tracked);
        } catch (GeneralSecurityException ex) {
          throw new IOException("cannot encrypt the file: " + ex.getMessage(), ex);
        }
      }
      out.close();
    }

    void abort() {
      capture = null;
      Abortable.abort(out);
    }

    byte[] tail() {
      byte[] t = new byte[8];
      for (int i = 0; i < 8; i++) {
        t[i] = ring[(int) ((position - 8 + i) & 7)];
      }
      return t;
    }
  }
}
