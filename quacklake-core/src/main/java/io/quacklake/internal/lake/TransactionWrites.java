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
  private WriteSettings settings;
  private WriteContext files;

  public TransactionWrites(LakeContext lake, TransactionState state) {
    this.lake = lake;
    this.state = state;
  }

  /** The catalog's write settings as this transaction sees them. */
  WriteSettings settings() {
    if (settings == null) {
      settings = WriteSettings.read(lake.catalog());
    }
    return settings;
  }

  int inliningLimit() {
    return settings().inliningLimit();
  }

  /** The Parquet settings of this transaction's data files. */
  public io.quacklake.internal.parquet.ParquetWriteOptions parquetOptions() {
    return files().options();
  }

  /** The context of this transaction's data files: its store, settings and shredding threads. */
  WriteContext files() {
    if (files == null) {
      WriteSettings s = settings();
      files =
          new WriteContext(
              lake.store(),
              s.parquetOptions(),
              s.targetFileSize(),
              state::wrote,
              lake.readers(),
              lake.options().readThreads());
    }
    return files;
  }
}
