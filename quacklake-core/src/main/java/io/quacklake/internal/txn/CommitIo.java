package io.quacklake.internal.txn;

import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.util.Optional;

/** What a commit needs beyond the catalog connection: storage, paths and write settings. */
public interface CommitIo {
  ObjectStore store();

  /** The data path, ending in {@code /}. */
  Location dataRoot();

  /** The directory of an existing table. */
  Location tableDirectory(long tableId);

  /**
   * The {@code data_inlining_row_limit} of a table created in schema {@code schemaId}: the
   * schema's, else the lake's (0 disables inlining).
   */
  int inliningLimitInSchema(long schemaId);

  /**
   * The {@code data_inlining_row_limit} of an existing table: its own option, else its schema's,
   * else the lake's (0 disables inlining).
   */
  int inliningLimit(long tableId);

  /** The Parquet settings of files written for a table (delete files), scoped as above. */
  ParquetWriteOptions parquetOptions(long tableId);

  /**
   * Whether a table's delete files are Puffin deletion vectors ({@code write_deletion_vectors},
   * scoped as above) rather than Parquet.
   */
  default boolean writeDeletionVectors(long tableId) {
    return false;
  }

  /**
   * A file's path relative to the data path, as files scheduled for deletion are kept; empty for a
   * file outside the data path (an absolute path elsewhere), which the lake does not own and never
   * schedules for deletion.
   */
  default Optional<String> pathUnderRoot(Location file) {
    String root = dataRoot().value();
    if (!file.value().startsWith(root)) {
      return Optional.empty();
    }
    String relative = file.value().substring(root.length());
    return relative.isEmpty() || !Location.staysInside(relative)
        ? Optional.empty()
        : Optional.of(relative);
  }

  /**
   * How old an unreferenced file must be before orphan cleanup may delete it ({@code
   * delete_older_than}); a commit refuses files written more than half of it ago.
   */
  default java.time.Duration orphanGrace() {
    return java.time.Duration.ofDays(2);
  }

  /** Records a file the commit wrote, so that a failed commit removes it. */
  void wrote(Location file);
}
