package io.quacklake;

import java.util.List;

/**
 * What {@link Maintenance#checkpoint()} did, step by step in DuckDB's order.
 *
 * @param flush the flush of inlined data
 * @param expired the snapshots expired under the lake's {@code expire_older_than} option
 * @param merge the merge of adjacent files
 * @param rewrite the rewrite of files with deleted rows
 * @param cleanedUp files deleted after their grace period ({@code delete_older_than})
 * @param orphans orphaned files deleted
 */
public record CheckpointResult(
    MaintenanceResult flush,
    List<Snapshot> expired,
    MaintenanceResult merge,
    MaintenanceResult rewrite,
    List<String> cleanedUp,
    List<String> orphans) {
  public CheckpointResult {
    expired = List.copyOf(expired);
    cleanedUp = List.copyOf(cleanedUp);
    orphans = List.copyOf(orphans);
  }
}
