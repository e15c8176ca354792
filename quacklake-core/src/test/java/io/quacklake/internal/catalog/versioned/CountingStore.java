package io.quacklake.internal.catalog.versioned;

import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SeekableStream;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local store that counts the bytes read through it, can run a hook before a listing of blocks
 * and, if asked, pauses up to {@code maxPauseMillis} before listings and deletions, to widen the
 * windows between a garbage collection's decisions and its deletions.
 */
final class CountingStore implements ObjectStore, SupportsConditionalWrites {
  private final LocalObjectStore delegate = new LocalObjectStore();
  private final int maxPauseMillis;
  final AtomicLong bytesRead = new AtomicLong();
  final AtomicLong bytesWritten = new AtomicLong();

  /** Runs once, before the next listing of a catalog's blocks. */
  volatile Runnable beforeBlockListing;

  CountingStore(int maxPauseMillis) {
    this.maxPauseMillis = maxPauseMillis;
  }

  @Override
  public InputFile newInputFile(Location location, long knownLength) {
    InputFile file = delegate.newInputFile(location, knownLength);
    return new InputFile() {
      @Override
      public Location location() {
        return location;
      }

      @Override
      public long length() throws IOException {
        return file.length();
      }

      @Override
      public SeekableStream newStream() throws IOException {
        return new Counted(file.newStream());
      }
    };
  }

  @Override
  public OutputStream newOutputFile(Location location) throws IOException {
    return new java.io.FilterOutputStream(delegate.newOutputFile(location)) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        bytesWritten.addAndGet(len);
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        bytesWritten.incrementAndGet();
      }
    };
  }

  @Override
  public CreateOutcome createIfAbsent(Location location, byte[] content) throws IOException {
    CreateOutcome outcome = delegate.createIfAbsent(location, content);
    if (outcome == CreateOutcome.CREATED) {
      bytesWritten.addAndGet(content.length);
    }
    return outcome;
  }

  @Override
  public void delete(Location location) throws IOException {
    pause();
    delegate.delete(location);
  }

  @Override
  public boolean exists(Location location) {
    return delegate.exists(location);
  }

  @Override
  public List<FileEntry> list(Location prefix) throws IOException {
    Runnable hook = beforeBlockListing;
    if (hook != null && prefix.value().endsWith("catalog/blocks/")) {
      beforeBlockListing = null;
      hook.run();
    }
    pause();
    return delegate.list(prefix);
  }

  private void pause() {
    if (maxPauseMillis > 0) {
      try {
        Thread.sleep(ThreadLocalRandom.current().nextInt(maxPauseMillis + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final class Counted extends SeekableStream {
    private final SeekableStream in;

    Counted(SeekableStream in) {
      this.in = in;
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public void seek(long position) throws IOException {
      in.seek(position);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        bytesRead.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        bytesRead.addAndGet(n);
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
