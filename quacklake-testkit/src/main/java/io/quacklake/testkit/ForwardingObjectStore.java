package io.quacklake.testkit;

import io.quacklake.storage.FileEntry;
import io.quacklake.storage.InputFile;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An {@link ObjectStore} that hands every call to another; tests override the calls they watch or
 * break. It adds no capability: a test store that also offers conditional writes implements {@code
 * SupportsConditionalWrites} itself.
 */
public abstract class ForwardingObjectStore implements ObjectStore {
  protected final ObjectStore delegate;

  protected ForwardingObjectStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public InputFile newInputFile(Location location, long knownLength) {
    return delegate.newInputFile(location, knownLength);
  }

  @Override
  public OutputStream newOutputFile(Location location) throws IOException {
    return delegate.newOutputFile(location);
  }

  @Override
  public void delete(Location location) throws IOException {
    delegate.delete(location);
  }

  @Override
  public boolean exists(Location location) throws IOException {
    return delegate.exists(location);
  }

  @Override
  public List<FileEntry> list(Location prefix) throws IOException {
    return delegate.list(prefix);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
