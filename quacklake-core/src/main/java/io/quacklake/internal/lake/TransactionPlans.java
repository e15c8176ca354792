package io.quacklake.internal.lake;

import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.InlinedRows;
import io.quacklake.internal.catalog.TableRecord;
import io.quacklake.internal.scan.FileTask;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.internal.scan.RowFilter;
import io.quacklake.internal.scan.ScanPlan;
import io.quacklake.internal.scan.ScanPlanner;
import io.quacklake.internal.txn.TableChanges;
import io.quacklake.internal.write.PendingDataFile;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a transaction sees of one table: the plan at its base snapshot with its own changes laid
 * over it — positions and inlined rows it deleted are dropped, files and inlined rows it wrote are
 * added. Files it wrote carry negative ids ({@link #pendingFileId}) and its inlined rows are listed
 * under {@link TableChanges#PENDING_INLINED}, so statements can map a match back.
 */
final class TransactionPlans {
  private TransactionPlans() {}

  /** A plan of {@code target} as the transaction sees it. */
  static ScanPlan plan(
      LakeContext lake,
      TransactionTables.Target target,
      long baseSnapshot,
      List<LakeColumn> read,
      RowFilter filter) {
    ResolvedTable table = table(target, baseSnapshot);
    ScanPlan base =
        target.resolved() == null
            ? new ScanPlan(table, List.of(), List.of(), 0, 0)
            : ScanPlanner.plan(lake.catalog(), lake.planCache(), table, read, filter);
    return overlay(base, target.changes(), read);
  }

  /** The table as the transaction writes it (a stand-in row for a table it created). */
  static ResolvedTable table(TransactionTables.Target target, long baseSnapshot) {
    if (target.resolved() != null) {
      return target.resolved();
    }
    return new ResolvedTable(
        new TableRecord(-1, null, baseSnapshot, -1, "", "", "", true),
        baseSnapshot,
        target.columns(),
        target.directory());
  }

  /** The id a file this transaction wrote has in its plans: -1 for the first, -2 for the next. */
  static long pendingFileId(int index) {
    return -1L - index;
  }

  /** The index in {@link TableChanges#files()} of a negative id from a plan. */
  static int pendingFileIndex(long planFileId) {
    return (int) (-1L - planFileId);
  }

  private static ScanPlan overlay(ScanPlan base, TableChanges changes, List<LakeColumn> read) {
    List<FileTask> files = new ArrayList<>(base.files().size() + changes.files().size());
    for (FileTask task : base.files()) {
      Set<Long> mine = changes.deletedPositions(task.file().dataFileId());
      files.add(mine.isEmpty() ? task : withDeletes(task, mine));
    }
    List<PendingDataFile> pending = changes.files();
    for (int i = 0; i < pending.size(); i++) {
      files.add(pendingTask(base.table(), pending.get(i), pendingFileId(i)));
    }
    List<InlinedRows> inlined = new ArrayList<>();
    for (InlinedRows rows : base.inlined()) {
      InlinedRows kept = withoutDeleted(rows, changes.deletedInlined(rows.tableName()));
      if (!kept.values().isEmpty()) {
        inlined.add(kept);
      }
    }
    InlinedRows own = changes.pendingInlined(base.table().columns());
    if (!own.values().isEmpty()) {
      inlined.add(own);
    }
    return new ScanPlan(
        base.table(), files, inlined, base.filesTotal() + pending.size(), base.filesPruned());
  }

  private static FileTask withDeletes(FileTask task, Set<Long> mine) {
    TreeSet<Long> all = new TreeSet<>(mine);
    for (long p : task.inlinedDeletes()) {
      all.add(p);
    }
    return new FileTask(
        task.file(),
        task.location(),
        task.deleteFile(),
        task.deleteLocation(),
        all.stream().mapToLong(Long::longValue).toArray(),
        task.mapping());
  }

  /** A file this transaction wrote as a scan task with the given plan id. */
  static FileTask pendingTask(ResolvedTable table, PendingDataFile f, long id) {
    DataFileRecord record =
        new DataFileRecord(
            id,
            table.snapshotId() + 1,
            f.relativePath(),
            true,
            "parquet",
            f.file().rowCount(),
            f.file().fileSizeBytes(),
            f.file().footerSize(),
            f.embeddedRowIds() ? null : 0L,
            f.partitionId(),
            f.file().encryptionKey(),
            null,
            null);
    return new FileTask(record, f.file().location(), null, null, new long[0], null);
  }

  private static InlinedRows withoutDeleted(InlinedRows rows, Set<Long> deleted) {
    if (deleted.isEmpty()) {
      return rows;
    }
    List<Long> ids = new ArrayList<>();
    List<Long> begins = new ArrayList<>();
    List<Object[]> values = new ArrayList<>();
    for (int i = 0; i < rows.rowIds().length; i++) {
      if (!deleted.contains(rows.rowIds()[i])) {
        ids.add(rows.rowIds()[i]);
        begins.add(rows.beginSnapshots() == null ? 0L : rows.beginSnapshots()[i]);
        values.add(rows.values().get(i));
      }
    }
    return new InlinedRows(
        rows.tableName(),
        rows.columns(),
        ids.stream().mapToLong(Long::longValue).toArray(),
        values,
        rows.beginSnapshots() == null
            ? null
            : begins.stream().mapToLong(Long::longValue).toArray());
  }
}
