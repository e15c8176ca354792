package io.quacklake.internal.catalog;

import java.time.Instant;
import java.util.List;

/** Writes {@code ducklake_snapshot} and {@code ducklake_snapshot_changes} rows of a commit. */
public final class SnapshotWrites {
  private SnapshotWrites() {}

  /** Inserts the snapshot row; a duplicate key means another writer took the id first. */
  public static void insertSnapshot(CatalogSession c, SnapshotRecord s) {
    Sql.update(
        c,
        "INSERT INTO ducklake_snapshot VALUES (?, "
            + c.dialect().timestampParameter()
            + ", ?, ?, ?)",
        s.snapshotId(),
        CatalogTimestamps.format(s.time() == null ? Instant.now() : s.time()),
        s.schemaVersion(),
        s.nextCatalogId(),
        s.nextFileId());
    Sql.update(
        c,
        "INSERT INTO ducklake_snapshot_changes VALUES (?, ?, ?, ?, ?)",
        s.snapshotId(),
        s.changesMade(),
        s.author(),
        s.commitMessage(),
        s.commitExtraInfo());
  }

  /** The changes_made text of every snapshot after {@code base}, in snapshot order. */
  /** Every snapshot, in id order, read inside the session's transaction. */
  public static List<SnapshotRecord> all(CatalogSession c) {
    return SnapshotGateway.select(c, SnapshotGateway.SELECT + " ORDER BY s.snapshot_id");
  }

  public static List<SnapshotRecord> since(CatalogSession c, long base) {
    return SnapshotGateway.select(
        c, SnapshotGateway.SELECT + " WHERE s.snapshot_id > ? ORDER BY s.snapshot_id", base);
  }

  /** The latest snapshot as seen inside the current transaction. */
  public static SnapshotRecord latest(CatalogSession c) {
    List<SnapshotRecord> rows =
        SnapshotGateway.select(
            c,
            SnapshotGateway.SELECT
                + " WHERE s.snapshot_id = (SELECT MAX(snapshot_id) FROM ducklake_snapshot)");
    return rows.get(0);
  }
}
