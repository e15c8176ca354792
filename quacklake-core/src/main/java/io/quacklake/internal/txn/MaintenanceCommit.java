package io.quacklake.internal.txn;

import io.quacklake.internal.catalog.CatalogSession;
import java.util.function.LongSupplier;

/** What a {@link MaintenanceStep} may use while its commit holds the catalog's write lock. */
public final class MaintenanceCommit {
  private final CatalogSession session;
  private final CommitIo io;
  private final long snapshot;
  private final LongSupplier fileIds;
  private final CommitSummary summary;

  MaintenanceCommit(
      CatalogSession session,
      CommitIo io,
      long snapshot,
      LongSupplier fileIds,
      CommitSummary summary) {
    this.session = session;
    this.io = io;
    this.snapshot = snapshot;
    this.fileIds = fileIds;
    this.summary = summary;
  }

  public CatalogSession session() {
    return session;
  }

  public CommitIo io() {
    return io;
  }

  /** The id of the snapshot being committed. */
  public long snapshot() {
    return snapshot;
  }

  /** The next data or delete file id of this commit. */
  public long nextFileId() {
    return fileIds.getAsLong();
  }

  /** Logs a delete from the table (DuckDB logs flushed inlined file deletions so). */
  public void deletedFrom(long tableId) {
    summary.deletedFrom.add(tableId);
  }
}
