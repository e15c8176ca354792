package io.quacklake.internal.storage;

import io.quacklake.storage.Abortable;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SeekableStream;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Files in memory, for tests and caches: the same contract as the other stores, including atomic
 * conditional creates and {@link Abortable} output streams. Contents vanish with the object.
 */
public final class MemoryObjectStore implements ObjectStore, SupportsConditionalWrites {
  private record Entry(byte[] bytes, Instant written) {}

  private final ConcurrentSkipListMap<String, Entry> files = new ConcurrentSkipListMap<>();

  @Override
  public InputFile newInputFile(Location location, long knownLength) {
    return new InputFile() {
      @Override
      public Location location() {
        return location;
      }

      @Override
      public long length() throws IOException {
        return knownLength >= 0 ? knownLength : entry(location).bytes().length;
      }

      @Override
      public SeekableStream newStream() throws IOException {
        return new BytesStream(entry(location).bytes());
      }
    };
  }

  private Entry entry(Location location) throws NoSuchFileException {
    Entry e = files.get(location.value());
    if (e == null) {
      throw new NoSuchFileException(location.value());
    }
    return e;
  }

  @Override
  public OutputStream newOutputFile(Location location) throws IOException {
    if (files.containsKey(location.value())) {
      throw new java.nio.file.FileAlreadyExistsException(location.value());
    }
    return new PendingFile(location);
  }

  /** Bytes held until close publishes them; {@link #abort} drops them. */
  private final class PendingFile extends OutputStream implements Abortable {
    private final Location location;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    PendingFile(Location location) {
      this.location = location;
    }

    @Override
    public void write(int b) throws IOException {
      open().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      open().write(b, off, len);
    }

    private ByteArrayOutputStream open() throws IOException {
      if (bytes == null) {
        throw new IOException("output file " + location + " is already closed or aborted");
      }
      return bytes;
    }

    @Override
    public void close() {
      if (bytes != null) {
        files.put(location.value(), new Entry(bytes.toByteArray(), Instant.now()));
        bytes = null;
      }
    }

    @Override
    public void abort() {
      bytes = null;
    }
  }

  @Override
  public void delete(Location location) {
    files.remove(location.value());
  }

  @Override
  public boolean exists(Location location) {
    return files.containsKey(location.value());
  }

  @Override
  public List<FileEntry> list(Location prefix) {
    List<FileEntry> out = new ArrayList<>();
    files.forEach(
        (name, e) -> {
          if (name.startsWith(prefix.value())) {
            out.add(new FileEntry(Location.of(name), e.bytes().length, e.written()));
          }
        });
    return out;
  }

  @Override
  public CreateOutcome createIfAbsent(Location location, byte[] content) {
    Entry previous = files.putIfAbsent(location.value(), new Entry(content.clone(), Instant.now()));
    return previous == null ? CreateOutcome.CREATED : CreateOutcome.ALREADY_EXISTS;
  }
}
