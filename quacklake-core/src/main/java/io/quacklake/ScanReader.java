package io.quacklake;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Streams the result of a table scan as Arrow batches. Close it to release files, threads and
 * memory. Each field carries its DuckLake column id and type in its metadata.
 *
 * <p>Unlike a plain {@link ArrowReader}, its methods throw no checked exception: every failure is a
 * {@link QuacklakeException} ({@link ErrorKind#UNAVAILABLE} when a file or the store cannot be
 * read).
 */
public abstract class ScanReader extends ArrowReader {
  protected ScanReader(BufferAllocator allocator) {
    super(allocator);
  }

  /** What the scan has done so far (complete once every batch was loaded). */
  public abstract ScanMetrics metrics();

  /**
   * Loads the next batch into {@link #getVectorSchemaRoot()}.
   *
   * @return false when the scan is complete
   */
  @Override
  public abstract boolean loadNextBatch();

  @Override
  public VectorSchemaRoot getVectorSchemaRoot() {
    try {
      return super.getVectorSchemaRoot();
    } catch (IOException e) {
      throw unavailable("start", e);
    }
  }

  @Override
  public Map<Long, Dictionary> getDictionaryVectors() {
    try {
      return super.getDictionaryVectors();
    } catch (IOException e) {
      throw unavailable("start", e);
    }
  }

  @Override
  public void close() {
    close(true);
  }

  private Runnable whenClosed;

  /** Runs {@code action} once, when the reader closes (the scan's report). */
  void whenClosed(Runnable action) {
    this.whenClosed = action;
  }

  @Override
  public void close(boolean closeReadSource) {
    Runnable action = whenClosed;
    whenClosed = null;
    try {
      super.close(closeReadSource);
    } catch (IOException e) {
      throw unavailable("close", e);
    } finally {
      if (action != null) {
        action.run();
      }
    }
  }

  private static QuacklakeException unavailable(String what, IOException e) {
    return new QuacklakeException(
        ErrorKind.UNAVAILABLE, "cannot " + what + " the scan: " + e.getMessage(), e);
  }
}
