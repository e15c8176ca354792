package io.quacklake.internal.catalog;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import java.util.function.Supplier;

/**
 * Where the {@code path} and {@code path_is_relative} of a catalog row point. A catalog is trusted
 * for absolute paths (DuckDB writes them, e.g. for files added from elsewhere) but a relative path
 * must stay inside its parent directory: one that would leave it is a corrupt row, refused before
 * any file is read, written or scheduled for deletion through it.
 */
final class RowPaths {
  private RowPaths() {}

  /**
   * @param row names the row for the error, e.g. {@code ducklake_data_file row data_file_id=7 of
   *     table main.t}
   * @throws QuacklakeException CORRUPT when a relative path would leave {@code parent}
   */
  static Location file(Location parent, String path, boolean relative, Supplier<String> row) {
    if (!relative) {
      return Location.of(path);
    }
    requireInside(parent, path, row);
    return parent.resolve(path);
  }

  /** A directory: a null or empty path is the parent itself. */
  static Location directory(Location parent, String path, boolean relative, Supplier<String> row) {
    if (path == null || path.isEmpty()) {
      return parent;
    }
    if (!relative) {
      return Location.directory(path);
    }
    requireInside(parent, path, row);
    return Location.directory(parent.resolve(path).value());
  }

  private static void requireInside(Location parent, String path, Supplier<String> row) {
    if (!Location.staysInside(path)) {
      throw QuacklakeException.corrupt(
          "%s has relative path '%s', which leaves %s (a leading '/' or a '..' segment);"
              + " DuckLake keeps relative paths inside the data path. The catalog was edited or"
              + " written by a faulty tool: repair or remove that row",
          row.get(), path, parent);
    }
  }
}
