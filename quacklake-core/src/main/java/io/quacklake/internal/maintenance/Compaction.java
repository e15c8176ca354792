package io.quacklake.internal.maintenance;

import io.quacklake.MaintenanceProgress;
import io.quacklake.MaintenanceResult;
import io.quacklake.Snapshot;
import io.quacklake.TableName;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.lake.TransactionWrites;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.internal.txn.TransactionState;
import io.quacklake.internal.write.RowSorter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a merge of adjacent files or a rewrite of files with deletes as one commit for every table
 * it touches: plans on the latest snapshot, writes the new files, commits; when a concurrent commit
 * conflicts it removes its files and plans again, a few times, then gives up with CONFLICT.
 */
final class Compaction {
  private final LakeContext lake;
  private final Function<SnapshotRecord, Snapshot> toSnapshot;

  private final MaintenanceProgress progress;

  Compaction(
      LakeContext lake,
      Function<SnapshotRecord, Snapshot> toSnapshot,
      MaintenanceProgress progress) {
    this.progress = progress;
    this.lake = lake;
    this.toSnapshot = toSnapshot;
  }

  MaintenanceResult run(TableName only, boolean merge, Long maxFileSize, Double threshold) {
    return MaintenanceTargets.retrying(() -> attempt(only, merge, maxFileSize, threshold));
  }

  /**
   * Groups of at most this many rows are written in the table's sort order (held in memory); larger
   * ones keep their sources' order.
   */
  static final long SORTED_GROUP_ROWS = 1_000_000;

  /** The sort keys of the tables of one attempt, read once per table. */
  private final Map<Long, List<io.quacklake.SortField>> sortKeys = new java.util.HashMap<>();

  /** The sort keys a group's output follows: its table's, when they bind and the group is small. */
  private List<RowSorter.Key> sortKeys(CompactionGroup g, long snapshot) {
    long rows = g.sources().stream().mapToLong(s -> s.file().recordCount()).sum();
    if (rows > SORTED_GROUP_ROWS) {
      return List.of();
    }
    List<io.quacklake.SortField> keys =
        sortKeys.computeIfAbsent(g.tableId(), id -> lake.tables().sortKeys(id, snapshot));
    if (keys.isEmpty()) {
      return List.of();
    }
    try {
      return RowSorter.bind(g.columns(), keys);
    } catch (QuacklakeException e) {
      return List.of();
    }
  }

  private MaintenanceResult attempt(
      TableName only, boolean merge, Long maxFileSize, Double threshold) {
    SnapshotRecord base = lake.snapshots().latest();
    sortKeys.clear();
    List<ResolvedTable> tables = MaintenanceTargets.tables(lake, only, base.snapshotId());
    io.quacklake.internal.catalog.ScopedOptions scoped = lake.catalog().scopedOptions();
    if (threshold != null && (threshold < 0 || threshold > 1)) {
      throw QuacklakeException.invalid(
          "the delete threshold must be between 0 and 1, was %s", threshold);
    }
    List<CompactionGroup> groups =
        lake.catalog()
            .read(
                "planning compaction",
                c -> {
                  List<CompactionGroup> all = new ArrayList<>();
                  for (ResolvedTable t : tables) {
                    MaintenanceSettings own =
                        new MaintenanceSettings(
                            scoped.forTable(t.table().schemaId(), t.table().tableId()));
                    long target = own.targetFileSize();
                    double deleteThreshold =
                        threshold != null ? threshold : own.rewriteDeleteThreshold();
                    CompactionPlanner planner = new CompactionPlanner(target);
                    all.addAll(
                        merge
                            ? planner.merge(
                                c, t, base.snapshotId(), maxFileSize == null ? target : maxFileSize)
                            : planner.rewrite(c, t, base.snapshotId(), deleteThreshold));
                  }
                  return all;
                });
    if (groups.isEmpty()) {
      return MaintenanceResult.none();
    }
    TransactionState state = new TransactionState(base);
    TransactionWrites writes = new TransactionWrites(lake, state);
    try {
      long read = 0;
      long created = 0;
      long rows = 0;
      String step = merge ? "merging files" : "rewriting files";
      long total = groups.stream().mapToLong(g -> g.sources().size()).sum();
      progress.update(step, 0, total);
      for (CompactionGroup g : groups) {
        CompactionWriter writer =
            new CompactionWriter(
                lake.store(),
                lake.allocator(),
                writes.parquetOptions(g.tableId()),
                writes.targetFileSize(g.tableId()),
                state::wrote);
        List<RowSorter.Key> keys = sortKeys(g, base.snapshotId());
        boolean rowIds = !merge || !g.adjacent() || !keys.isEmpty();
        List<CompactedFile> written;
        try {
          written = writer.write(g, merge, rowIds, keys);
        } catch (CompactionWriter.NotAdjacent e) {
          rowIds = true;
          written = writer.write(g, merge, true, keys);
        }
        state.maintain(new CompactionStep(g, written, merge, rowIds));
        read += g.sources().size();
        created += written.size();
        rows += written.stream().mapToLong(f -> f.file().rowCount()).sum();
        progress.update(step, read, total);
      }
      SnapshotRecord committed = lake.commit(state, writes);
      return new MaintenanceResult(Optional.of(toSnapshot.apply(committed)), read, created, rows);
    } catch (RuntimeException | Error e) {
      if (!(e instanceof QuacklakeException q) || q.kind() != ErrorKind.COMMIT_STATE_UNKNOWN) {
        lake.removeFiles(state.writtenFiles());
      }
      throw e;
    }
  }
}
