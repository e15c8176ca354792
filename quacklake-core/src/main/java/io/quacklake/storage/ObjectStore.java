package io.quacklake.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Where data and delete files live. Files are immutable once written: a writer creates a new name
 * and never rewrites an existing one.
 *
 * <p>Atomicity: {@link #newOutputFile} makes the file visible only when the stream is closed
 * successfully (local disk: write to a temporary name, then rename; object stores: the upload
 * completes on close). A failed write removes what it wrote; if even that fails (a crash), a
 * partial file may remain under a temporary name, never under the final one. A write given up on
 * purpose is aborted through {@link Abortable}, which the output streams of the stores here
 * implement.
 */
public interface ObjectStore extends AutoCloseable {
  /** A file to read; {@code knownLength} ≥ 0 avoids a metadata request. */
  InputFile newInputFile(Location location, long knownLength);

  /**
   * Creates a new file; fails if it exists. The file appears when the stream is closed; abort it
   * ({@link Abortable#abort(OutputStream)}) to give the write up.
   */
  OutputStream newOutputFile(Location location) throws IOException;

  /** Deletes a file; no error when it does not exist. */
  void delete(Location location) throws IOException;

  boolean exists(Location location) throws IOException;

  /** Every file under {@code prefix} (a directory location), at any depth, sorted by location. */
  List<FileEntry> list(Location prefix) throws IOException;

  /**
   * Partial writes under {@code prefix} that a killed writer left (a local store's hidden temporary
   * files), which {@link #list} does not show; {@link #delete} removes one. None by default.
   */
  default List<FileEntry> abandonedWrites(Location prefix) throws IOException {
    return List.of();
  }

  @Override
  default void close() {}
}
