package io.quacklake.internal.lake;

import io.quacklake.internal.txn.TransactionState;
import io.quacklake.internal.write.WriteContext;

/**
 * What the writes of one transaction share: the catalog's write settings, read once at the
 * transaction's first write and kept until it ends (its commit included), and the context of its
 * data file writes, built at its first Parquet file. Belongs to the transaction's thread.
 */
public final class TransactionWrites {
  private final LakeContext lake;
  private final TransactionState state;
  private io.quacklake.internal.catalog.ScopedOptions options;
  private WriteSettings settings;
  private final java.util.Map<WriteSettings.FileSettings, WriteContext> files =
      new java.util.HashMap<>();

  public TransactionWrites(LakeContext lake, TransactionState state) {
    this.lake = lake;
    this.state = state;
  }

  /** The catalog's lake-wide write settings as this transaction sees them. */
  WriteSettings settings() {
    scoped();
    return settings;
  }

  private io.quacklake.internal.catalog.ScopedOptions scoped() {
    if (options == null) {
      options = lake.catalog().scopedOptions();
      settings = new WriteSettings(options.global());
    }
    return options;
  }

  /**
   * The settings of writes to a table: its own options, else its schema's, else the lake's. A table
   * or schema this transaction creates has no id yet, so only the options above it apply.
   */
  WriteSettings settings(Long schemaId, Long tableId) {
    return new WriteSettings(scoped().forTable(schemaId, tableId));
  }

  private final java.util.Map<Long, WriteSettings> byTable = new java.util.HashMap<>();

  /**
   * The settings of writes to the table with this id at the transaction's base snapshot (looked up
   * once per table and transaction).
   */
  WriteSettings settings(long tableId) {
    return byTable.computeIfAbsent(
        tableId,
        id -> {
          long base = state.base().snapshotId();
          for (io.quacklake.internal.catalog.TableRecord t : lake.objects().tables(base)) {
            if (t.tableId() == id) {
              return settings(t.schemaId(), id);
            }
          }
          return settings();
        });
  }

  int inliningLimit() {
    return settings().inliningLimit();
  }

  /** The Parquet settings of files written for the table with this id (scoped options). */
  public io.quacklake.internal.parquet.ParquetWriteOptions parquetOptions(long tableId) {
    return settings(tableId).parquetOptions();
  }

  /**
   * Whether a table's delete files are Puffin deletion vectors ({@code write_deletion_vectors}).
   */
  public boolean writeDeletionVectors(long tableId) {
    return settings(tableId).writeDeletionVectors();
  }

  /** The {@code target_file_size} of the table with this id (scoped options). */
  public long targetFileSize(long tableId) {
    return settings(tableId).targetFileSize();
  }

  /** The Parquet settings of this transaction's data files under the lake-wide options. */
  public io.quacklake.internal.parquet.ParquetWriteOptions parquetOptions() {
    return files().options();
  }

  /** The context of data files under the lake-wide options. */
  WriteContext files() {
    return files(settings());
  }

  /**
   * The context of data files written under {@code s}: its store, Parquet settings, target size and
   * shredding threads; one per distinct setting in a transaction.
   */
  WriteContext files(WriteSettings s) {
    return files.computeIfAbsent(
        s.fileSettings(),
        f ->
            new WriteContext(
                lake.store(),
                f.parquet(),
                f.targetFileSize(),
                state::wrote,
                lake.readers(),
                lake.options().readThreads()));
  }
}
