package io.quacklake.internal.lake;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.scan.FileTask;
import io.quacklake.internal.scan.RowFilter;
import io.quacklake.internal.scan.RowLocator;
import io.quacklake.internal.scan.ScanPlan;
import io.quacklake.internal.txn.TableChanges;
import io.quacklake.internal.txn.TransactionState;
import io.quacklake.internal.write.DataFileWriter;
import io.quacklake.internal.write.PendingDataFile;
import io.quacklake.storage.Location;
import io.quacklake.types.ArrowRows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Removes rows from data files the transaction itself wrote by rewriting them: no one has seen
 * those files, so they are replaced rather than given delete files. A rewritten file keeps its
 * partition directory and values, and its embedded row ids when it has them.
 */
final class OwnFileRewrite {
  private final LakeContext lake;
  private final TransactionState state;
  private final TransactionTables.Target target;
  private final TransactionWrites writes;

  OwnFileRewrite(
      LakeContext lake,
      TransactionState state,
      TransactionTables.Target target,
      TransactionWrites writes) {
    this.lake = lake;
    this.state = state;
    this.target = target;
    this.writes = writes;
  }

  /**
   * Rewrites files without the given rows.
   *
   * @param positions index of the file in {@link TableChanges#files()} → positions to remove
   */
  void removeRows(Map<Integer, List<Long>> positions) {
    TableChanges changes = target.changes();
    List<PendingDataFile> files = new ArrayList<>(changes.files());
    for (Map.Entry<Integer, List<Long>> e : positions.entrySet()) {
      PendingDataFile old = files.get(e.getKey());
      changes.replaceFile(old, rewrite(old, e.getValue()));
      try {
        lake.store().delete(old.file().location());
      } catch (IOException ex) {
        throw new QuacklakeException(
            ErrorKind.UNAVAILABLE,
            "cannot remove "
                + old.file().location()
                + ", rewritten without deleted rows: "
                + ex.getMessage(),
            ex);
      }
    }
  }

  private List<PendingDataFile> rewrite(PendingDataFile old, List<Long> removed) {
    FileTask task =
        TransactionPlans.pendingTask(
            TransactionPlans.table(target, state.base().snapshotId()), old, -1);
    FileTask survivors =
        new FileTask(
            task.file(),
            task.location(),
            null,
            null,
            removed.stream().mapToLong(Long::longValue).sorted().distinct().toArray(),
            null);
    ScanPlan plan =
        new ScanPlan(
            TransactionPlans.table(target, state.base().snapshotId()),
            List.of(survivors),
            List.of(),
            1,
            0);
    List<RowLocator.MatchedRow> rows =
        RowLocator.locateRows(plan, RowFilter.ALL, lake.store(), lake.allocator());
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Object[]> values = rows.stream().map(RowLocator.MatchedRow::values).toList();
    String directory = directoryOf(old.relativePath());
    Location dir = target.directory().resolve(directory);
    List<PendingDataFile> written;
    try (VectorSchemaRoot root =
        old.embeddedRowIds()
            ? RowVersions.batch(
                target.columns(),
                values,
                rows.stream().map(RowLocator.MatchedRow::rowId).toList(),
                lake.allocator())
            : ArrowRows.of(target.columns(), values, lake.allocator())) {
      written =
          DataFileWriter.write(
              writes.files(writes.settings(target.schemaId(), target.tableId())),
              dir,
              target.columns(),
              root,
              old.embeddedRowIds());
    }
    if (old.partitionId() == null && old.partitionValues().isEmpty()) {
      return written;
    }
    return written.stream()
        .map(f -> f.partitioned(directory, old.partitionId(), old.partitionValues()))
        .toList();
  }

  private static String directoryOf(String relativePath) {
    return relativePath.substring(0, relativePath.lastIndexOf('/') + 1);
  }
}
