package io.quacklake;

import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.maintenance.Maintainer;
import io.quacklake.internal.text.Intervals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps a lake small and fast, with the semantics of DuckDB's maintenance functions ({@code
 * ducklake_flush_inlined_data}, {@code ducklake_merge_adjacent_files}, {@code
 * ducklake_rewrite_data_files}, {@code ducklake_expire_snapshots}, {@code
 * ducklake_cleanup_old_files}, {@code ducklake_delete_orphaned_files}, {@code CHECKPOINT}). Every
 * step that changes what a snapshot holds is a commit with DuckDB's conflict rules, safe while
 * other writers commit; files are deleted only after the commit that retired them and once their
 * grace period has passed, and never outside the lake's data path.
 */
public final class Maintenance {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Maintenance.class);

  private final Maintainer maintainer;

  Maintenance(Lake lake, LakeContext context) {
    this(new Maintainer(context, Lake::toSnapshot, MaintenanceProgress.NONE));
  }

  private Maintenance(Maintainer maintainer) {
    this.maintainer = maintainer;
  }

  /** The same operations, reporting how far each has come to {@code progress}. */
  public Maintenance withProgress(MaintenanceProgress progress) {
    return new Maintenance(
        maintainer.withProgress(java.util.Objects.requireNonNull(progress, "progress is null")));
  }

  /**
   * Moves the inlined rows of every table (or of one, when {@code table} is not null) to Parquet.
   */
  public MaintenanceResult flushInlinedData(String table) {
    return logged(
        "flush-inlined-data", maintainer.flush(table == null ? null : TableName.parse(table)));
  }

  /**
   * Merges small adjacent files of a table (all tables when null) within a partition and schema
   * version, up to the lake's {@code target_file_size}; files larger than {@code maxFileSize} (when
   * not null) are left alone.
   */
  public MaintenanceResult mergeAdjacentFiles(String table, Long maxFileSize) {
    return logged(
        "merge-adjacent-files",
        maintainer.merge(table == null ? null : TableName.parse(table), maxFileSize));
  }

  /**
   * Rewrites the files of a table (all tables when null) whose deleted fraction is at least {@code
   * deleteThreshold} (the lake's {@code rewrite_delete_threshold}, default 0.95, when null).
   */
  public MaintenanceResult rewriteDataFiles(String table, Double deleteThreshold) {
    return logged(
        "rewrite-data-files",
        maintainer.rewrite(table == null ? null : TableName.parse(table), deleteThreshold));
  }

  /** Expires the snapshots taken before {@code olderThan} (never the latest); returns them. */
  public List<Snapshot> expireSnapshots(Instant olderThan, boolean dryRun) {
    return maintainer.expireOlderThan(olderThan, dryRun);
  }

  /** Expires the listed snapshots (never the latest); returns those it expired. */
  public List<Snapshot> expireSnapshots(List<Long> versions, boolean dryRun) {
    return maintainer.expireVersions(versions, dryRun);
  }

  /** Expires under the lake's {@code expire_older_than} option; nothing when it is not set. */
  public List<Snapshot> expireSnapshots(boolean dryRun) {
    return maintainer.expireByOption(dryRun);
  }

  /** Deletes files scheduled for deletion before {@code olderThan}; returns their paths. */
  public List<String> cleanupOldFiles(Instant olderThan, boolean dryRun) {
    return maintainer.cleanupOldFiles(olderThan, dryRun);
  }

  /**
   * Deletes every file scheduled for deletion ({@code all}), or those scheduled longer ago than the
   * lake's {@code delete_older_than} option (default 2 days); returns their paths.
   */
  public List<String> cleanupOldFiles(boolean all, boolean dryRun) {
    return maintainer.cleanupOldFiles(all ? Instant.MAX : null, dryRun);
  }

  /**
   * Deletes files under the data path that no catalog row refers to and that were last modified
   * before {@code olderThan}; returns their paths.
   */
  public List<String> deleteOrphanedFiles(Instant olderThan, boolean dryRun) {
    return maintainer.deleteOrphans(olderThan, dryRun);
  }

  /** As {@link #deleteOrphanedFiles(Instant, boolean)}, older than {@code delete_older_than}. */
  public List<String> deleteOrphanedFiles(boolean dryRun) {
    return maintainer.deleteOrphans(null, dryRun);
  }

  /** All of the above in DuckDB's order, with the lake's options. */
  public CheckpointResult checkpoint() {
    CheckpointResult r = maintainer.checkpoint();
    LOG.info(
        "checkpoint: flushed {} rows, expired {} snapshots, merged {} files, rewrote {} files,"
            + " deleted {} old and {} orphaned files",
        r.flush().rows(),
        r.expired().size(),
        r.merge().filesProcessed(),
        r.rewrite().filesProcessed(),
        r.cleanedUp().size(),
        r.orphans().size());
    return r;
  }

  private static MaintenanceResult logged(String action, MaintenanceResult r) {
    LOG.info(
        "{}: {} files processed, {} written, {} rows{}",
        action,
        r.filesProcessed(),
        r.filesCreated(),
        r.rows(),
        r.snapshot().map(s -> ", snapshot " + s.id()).orElse(""));
    return r;
  }

  /**
   * Parses an interval as DuckDB's options take it ({@code 7 days}, {@code 12 hours}, {@code 1
   * week}, {@code 30 minutes}, {@code 2 days 3 hours}).
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT when it is not one
   */
  public static Duration parseInterval(String text) {
    return Intervals.parse(text);
  }
}
