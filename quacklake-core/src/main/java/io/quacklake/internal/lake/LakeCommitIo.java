package io.quacklake.internal.lake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.SchemaRecord;
import io.quacklake.internal.catalog.TableRecord;
import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.internal.txn.CommitIo;
import io.quacklake.internal.txn.TransactionState;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;

/** The storage side of a commit for a lake: its store, its paths, its settings. */
final class LakeCommitIo implements CommitIo {
  private final LakeContext lake;
  private final TransactionState state;
  private final TransactionWrites writes;

  LakeCommitIo(LakeContext lake, TransactionState state, TransactionWrites writes) {
    this.lake = lake;
    this.state = state;
    this.writes = writes;
  }

  @Override
  public ObjectStore store() {
    return lake.store();
  }

  @Override
  public Location dataRoot() {
    return lake.paths().root();
  }

  @Override
  public Location tableDirectory(long tableId) {
    long base = state.base().snapshotId();
    for (TableRecord t : lake.objects().tables(base)) {
      if (t.tableId() == tableId) {
        for (SchemaRecord s : lake.objects().schemas(base)) {
          if (s.schemaId() == t.schemaId()) {
            return lake.paths().tableDir(s, t);
          }
        }
      }
    }
    throw QuacklakeException.notFound("table %d is not visible at snapshot %d", tableId, base);
  }

  @Override
  public int inliningLimit(long tableId) {
    return writes.settings(tableId).inliningLimit();
  }

  @Override
  public int inliningLimitInSchema(long schemaId) {
    return writes.settings(schemaId, null).inliningLimit();
  }

  @Override
  public ParquetWriteOptions parquetOptions(long tableId) {
    return writes.settings(tableId).parquetOptions();
  }

  @Override
  public boolean writeDeletionVectors(long tableId) {
    WriteSettings s = writes.settings(tableId);
    if (s.writeDeletionVectors()) {
      s.refuseEncrypted("deletion vectors");
    }
    return s.writeDeletionVectors();
  }

  @Override
  public java.time.Duration orphanGrace() {
    return writes.settings().deleteOlderThan();
  }

  @Override
  public void wrote(Location file) {
    state.wrote(file);
  }
}
