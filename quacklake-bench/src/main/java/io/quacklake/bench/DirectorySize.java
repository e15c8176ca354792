package io.quacklake.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes on disk under a path: the sum of the lengths of its regular files (0 when missing). */
final class DirectorySize {
  private DirectorySize() {}

  static long of(Path path) {
    if (!Files.exists(path)) {
      return 0;
    }
    try (var files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(DirectorySize::length).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A database file with its write-ahead log, if any (SQLite's NAME-wal, DuckDB's NAME.wal). */
  static long withLog(Path file) {
    String name = file.getFileName().toString();
    return of(file)
        + of(file.resolveSibling(name + "-wal"))
        + of(file.resolveSibling(name + ".wal"));
  }

  private static long length(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
