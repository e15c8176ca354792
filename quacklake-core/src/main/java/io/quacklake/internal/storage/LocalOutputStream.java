package io.quacklake.internal.storage;

import io.quacklake.storage.Abortable;
import io.quacklake.storage.ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A local file being written: the bytes go to a hidden temporary file next to the target; on close
 * they are forced to disk, the file is renamed to the target and the directory is forced, so the
 * name never survives a crash without its bytes. A failed write (a full disk) or {@link #abort}
 * closes and removes the temporary file, so nothing is left behind.
 */
final class LocalOutputStream extends OutputStream implements Abortable {
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream out;
  private final LocalSync sync;
  private boolean done;

  private LocalOutputStream(Path target, Path temp, FileChannel channel, LocalSync sync) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.out = Channels.newOutputStream(channel);
    this.sync = sync;
  }

  /** Opens the temporary file for {@code target} (whose directory must exist). */
  static LocalOutputStream create(Path target, LocalSync sync) throws IOException {
    Path temp = temporaryFor(target);
    FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new LocalOutputStream(target, temp, channel, sync);
  }

  /** A hidden, unique name next to {@code target}; {@link ObjectStore#list} skips it. */
  static Path temporaryFor(Path target) {
    return target
        .toAbsolutePath()
        .getParent()
        .resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      discard(e);
      throw e;
    }
  }

  @Override
  public void flush() throws IOException {
    if (done) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      discard(e);
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    try {
      try (out) {
        sync.forceFile(channel, temp);
      }
      sync.rename(temp, target);
    } catch (IOException e) {
      deleteTemp(e);
      throw e;
    }
    sync.forceDirectory(target.toAbsolutePath().getParent());
  }

  @Override
  public void abort() {
    if (!done) {
      discard(null);
    }
  }

  private void ensureOpen() throws IOException {
    if (done) {
      throw new IOException("output file " + target + " is already closed or aborted");
    }
  }

  /** Closes and removes the temporary file; problems doing so are added to {@code cause}. */
  private void discard(IOException cause) {
    done = true;
    try {
      out.close();
    } catch (IOException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
    deleteTemp(cause);
  }

  private void deleteTemp(IOException cause) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }
}
