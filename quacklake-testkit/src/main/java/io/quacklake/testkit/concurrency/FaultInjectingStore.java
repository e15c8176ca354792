package io.quacklake.testkit.concurrency;

import io.quacklake.storage.Abortable;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.FileEntry;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SeekableStream;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;

/**
 * A store that misbehaves on catalog keys ({@code /catalog/}), or on every key, the way object
 * stores do: requests that fail before doing anything, requests that are slow, and ambiguous writes
 * that take effect but report an error. Seeded, so a failing run can be replayed.
 */
public final class FaultInjectingStore implements ObjectStore, SupportsConditionalWrites {
  private final ObjectStore delegate;
  private final SupportsConditionalWrites conditional;
  private final Random random;
  private final double rate;
  private final boolean everyKey;

  /**
   * Faults on catalog keys only.
   *
   * @param rate the probability of each fault kind per catalog request (e.g. 0.03)
   */
  public FaultInjectingStore(ObjectStore delegate, long seed, double rate) {
    this(delegate, seed, rate, false);
  }

  /**
   * @param everyKey fault on every key (data and delete files too), not only catalog keys
   */
  public FaultInjectingStore(ObjectStore delegate, long seed, double rate, boolean everyKey) {
    this.delegate = delegate;
    this.conditional = (SupportsConditionalWrites) delegate;
    this.random = new Random(seed);
    this.rate = rate;
    this.everyKey = everyKey;
  }

  private synchronized boolean roll(Location location) {
    return (everyKey || location.value().contains("/catalog/")) && random.nextDouble() < rate;
  }

  private void before(Location location, String what) throws IOException {
    if (roll(location)) {
      try {
        Thread.sleep(50 + random.nextInt(150));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (roll(location)) {
      throw new IOException("injected failure: " + what + " " + location);
    }
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
        before(location, "read");
        return file.newStream();
      }
    };
  }

  @Override
  public OutputStream newOutputFile(Location location) throws IOException {
    before(location, "write");
    boolean ambiguous = roll(location);
    return new FaultyStream(delegate.newOutputFile(location), location, ambiguous);
  }

  /** The wrapped store's stream, whose close may report an error after taking effect. */
  private static final class FaultyStream extends FilterOutputStream implements Abortable {
    private final Location location;
    private final boolean ambiguous;

    FaultyStream(OutputStream out, Location location, boolean ambiguous) {
      super(out);
      this.location = location;
      this.ambiguous = ambiguous;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      super.close();
      if (ambiguous) {
        throw new IOException("injected ambiguous write (it took effect): " + location);
      }
    }

    @Override
    public void abort() {
      Abortable.abort(out);
    }
  }

  @Override
  public CreateOutcome createIfAbsent(Location location, byte[] content) throws IOException {
    before(location, "conditional create");
    CreateOutcome outcome = conditional.createIfAbsent(location, content);
    if (roll(location)) {
      throw new IOException(
          "injected ambiguous conditional create (outcome " + outcome + "): " + location);
    }
    return outcome;
  }

  @Override
  public void delete(Location location) throws IOException {
    before(location, "delete");
    delegate.delete(location);
  }

  @Override
  public boolean exists(Location location) throws IOException {
    before(location, "exists");
    return delegate.exists(location);
  }

  @Override
  public List<FileEntry> list(Location prefix) throws IOException {
    before(prefix, "list");
    return delegate.list(prefix);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
