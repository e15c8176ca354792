package io.quacklake.internal.maintenance;

import io.quacklake.CheckpointResult;
import io.quacklake.MaintenanceProgress;
import io.quacklake.MaintenanceResult;
import io.quacklake.Snapshot;
import io.quacklake.TableName;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.lake.LakeContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The maintenance operations of one lake, behind the public {@code Maintenance}. */
public final class Maintainer {
  private final LakeContext lake;
  private final Function<SnapshotRecord, Snapshot> toSnapshot;
  private final MaintenanceProgress progress;

  public Maintainer(
      LakeContext lake,
      Function<SnapshotRecord, Snapshot> toSnapshot,
      MaintenanceProgress progress) {
    this.lake = lake;
    this.toSnapshot = toSnapshot;
    this.progress = progress;
  }

  /** These operations reporting to {@code progress}. */
  public Maintainer withProgress(MaintenanceProgress progress) {
    return new Maintainer(lake, toSnapshot, progress);
  }

  public MaintenanceResult flush(TableName table) {
    return new InlinedFlush(lake, toSnapshot, progress).run(table);
  }

  public MaintenanceResult merge(TableName table, Long maxFileSize) {
    if (maxFileSize != null && maxFileSize <= 0) {
      throw io.quacklake.exceptions.QuacklakeException.invalid(
          "the maximum file size must be positive, was %d", maxFileSize);
    }
    return new Compaction(lake, toSnapshot, progress).run(table, true, maxFileSize, null);
  }

  public MaintenanceResult rewrite(TableName table, Double deleteThreshold) {
    return new Compaction(lake, toSnapshot, progress).run(table, false, null, deleteThreshold);
  }

  public List<Snapshot> expireOlderThan(Instant cutoff, boolean dryRun) {
    return snapshots(new SnapshotExpiry(lake).olderThan(cutoff, dryRun));
  }

  public List<Snapshot> expireVersions(List<Long> versions, boolean dryRun) {
    return snapshots(new SnapshotExpiry(lake).versions(versions, dryRun));
  }

  /** Expires under {@code expire_older_than}; nothing when the option is not set. */
  public List<Snapshot> expireByOption(boolean dryRun) {
    Duration age = settings().expireOlderThan();
    return age == null ? List.of() : expireOlderThan(Instant.now().minus(age), dryRun);
  }

  /**
   * @param cutoff schedule start bound, {@link Instant#MAX} for every file, null for the lake's
   *     {@code delete_older_than}
   */
  public List<String> cleanupOldFiles(Instant cutoff, boolean dryRun) {
    return new FileCleanup(lake, progress).oldFiles(cutoffOrDefault(cutoff), dryRun);
  }

  /**
   * @param cutoff last-modified bound, null for the lake's {@code delete_older_than}
   */
  public List<String> deleteOrphans(Instant cutoff, boolean dryRun) {
    return new FileCleanup(lake, progress)
        .orphans(cutoffOrDefault(cutoff), dryRun, settings().deleteOlderThan());
  }

  /** DuckDB's CHECKPOINT order: flush, expire, merge, rewrite, clean up, delete orphans. */
  public CheckpointResult checkpoint() {
    MaintenanceResult flush = flush(null);
    List<Snapshot> expired = expireByOption(false);
    MaintenanceResult merge = merge(null, null);
    MaintenanceResult rewrite = rewrite(null, null);
    List<String> cleaned = cleanupOldFiles(null, false);
    List<String> orphans = deleteOrphans(null, false);
    return new CheckpointResult(flush, expired, merge, rewrite, cleaned, orphans);
  }

  private Instant cutoffOrDefault(Instant cutoff) {
    return cutoff != null ? cutoff : Instant.now().minus(settings().deleteOlderThan());
  }

  private MaintenanceSettings settings() {
    return new MaintenanceSettings(lake.catalog().globalOptions());
  }

  private List<Snapshot> snapshots(List<SnapshotRecord> records) {
    return records.stream().map(toSnapshot).toList();
  }
}
