package io.quacklake.internal.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The steps that make a local write durable, in the order {@link LocalObjectStore} takes them: the
 * file's bytes are forced to disk, the file is renamed (or linked) to its name, and then the
 * directory holding the name is forced, so that after a power loss a name a commit refers to points
 * at the whole file. A seam so tests can record the order; {@link NioLocalSync} does the work.
 */
interface LocalSync {
  /** Forces the bytes and metadata written through {@code channel} (the file {@code file}). */
  void forceFile(FileChannel channel, Path file) throws IOException;

  /** Atomically renames {@code from} to {@code to}, replacing nothing. */
  void rename(Path from, Path to) throws IOException;

  /**
   * Makes {@code link} a second name of {@code existing}.
   *
   * @throws java.nio.file.FileAlreadyExistsException when {@code link} exists
   */
  void link(Path link, Path existing) throws IOException;

  /** Forces the entries of directory {@code dir}: the names just created in it survive a crash. */
  void forceDirectory(Path dir) throws IOException;
}
