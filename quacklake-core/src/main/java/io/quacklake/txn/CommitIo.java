package io.quacklake.txn;

import io.quacklake.parquet.ParquetWriteOptions;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;

/** What a commit needs beyond the catalog connection: storage, paths and write settings. */
public interface CommitIo {
  ObjectStore store();

  /** The data path, ending in {@code /}. */
  Location dataRoot();

  /** The directory of an existing table. */
  Location tableDirectory(long tableId);

  /** {@code data_inlining_row_limit} in force (0 disables inlining). */
  int inliningLimit();

  ParquetWriteOptions parquetOptions();

  /** A file of a table: relative paths hang off the table directory. */
  default Location locate(Location tableDir, String path, boolean relative) {
    return relative ? tableDir.resolve(path) : Location.of(path);
  }

  /** A location as a path relative to the data path (how files scheduled for deletion are kept). */
  default String relativeToRoot(Location file) {
    String root = dataRoot().value();
    return file.value().startsWith(root) ? file.value().substring(root.length()) : file.value();
  }

  /** Records a file the commit wrote, so that a failed commit removes it. */
  void wrote(Location file);
}
