package io.quacklake.internal.maintenance;

import io.quacklake.MaintenanceProgress;
import io.quacklake.MaintenanceResult;
import io.quacklake.Snapshot;
import io.quacklake.TableName;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.InlinedDataGateway;
import io.quacklake.internal.catalog.InlinedTableRecord;
import io.quacklake.internal.catalog.InlinedWrites;
import io.quacklake.internal.catalog.MaintenanceGateway;
import io.quacklake.internal.catalog.ObjectWrites;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.lake.TransactionWrites;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.internal.txn.TransactionState;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * DuckDB's {@code ducklake_flush_inlined_data}: every version of a table's inlined rows moves to a
 * Parquet file that keeps each row's id and inserting snapshot, rows deleted since go to a delete
 * file with their deleting snapshots, and positions of data files deleted in the catalog move to
 * delete files; one commit for all tables, logged as {@code inline_flush} (and {@code
 * deleted_from_table} for the delete files). Partitioned tables keep their inlined rows for now.
 */
final class InlinedFlush {
  static final String STEP = "flushing inlined data";

  private final LakeContext lake;
  private final Function<SnapshotRecord, Snapshot> toSnapshot;
  private final MaintenanceProgress progress;

  InlinedFlush(
      LakeContext lake,
      Function<SnapshotRecord, Snapshot> toSnapshot,
      MaintenanceProgress progress) {
    this.lake = lake;
    this.toSnapshot = toSnapshot;
    this.progress = progress;
  }

  MaintenanceResult run(TableName only) {
    return MaintenanceTargets.retrying(() -> attempt(only));
  }

  private MaintenanceResult attempt(TableName only) {
    SnapshotRecord base = lake.snapshots().latest();
    long snapshot = base.snapshotId();
    List<ResolvedTable> tables = MaintenanceTargets.tables(lake, only, snapshot);
    List<FlushPlan> plans =
        lake.catalog()
            .read(
                "planning the flush of inlined data",
                c -> {
                  List<FlushPlan> out = new ArrayList<>();
                  for (ResolvedTable t : tables) {
                    FlushPlan p = plan(c, t, snapshot);
                    if (!p.isEmpty()) {
                      out.add(p);
                    }
                  }
                  return out;
                });
    if (plans.isEmpty()) {
      return MaintenanceResult.none();
    }
    TransactionState state = new TransactionState(base);
    TransactionWrites writes = new TransactionWrites(lake, state);
    try {
      long read = 0;
      long created = 0;
      long rows = 0;
      int done = 0;
      progress.update(STEP, 0, plans.size());
      for (FlushPlan p : plans) {
        FlushWriter writer =
            new FlushWriter(
                lake.store(),
                lake.allocator(),
                writes.parquetOptions(p.tableId()),
                writes.writeDeletionVectors(p.tableId()),
                lake.tables().sortKeys(p.tableId(), snapshot),
                state::wrote);
        FlushStep step = writer.write(p, snapshot);
        state.maintain(step);
        read += p.tables().size();
        created += step.dataFiles();
        rows += step.rows();
        progress.update(STEP, ++done, plans.size());
      }
      SnapshotRecord committed = lake.commit(state, writes);
      dropEmptiedTables(plans);
      return new MaintenanceResult(Optional.of(toSnapshot.apply(committed)), read, created, rows);
    } catch (RuntimeException | Error e) {
      if (!(e instanceof QuacklakeException q) || q.kind() != ErrorKind.COMMIT_STATE_UNKNOWN) {
        lake.removeFiles(state.writtenFiles());
      }
      throw e;
    }
  }

  /**
   * After the commit, as DuckDB does: drops the inlined-data tables that a newer schema version
   * superseded and that the flush emptied (outside the commit, since on some catalogs a DROP TABLE
   * would commit a transaction halfway).
   */
  private void dropEmptiedTables(List<FlushPlan> plans) {
    lake.catalog()
        .write(
            "dropping emptied inlined-data tables",
            c -> {
              for (FlushPlan p : plans) {
                InlinedWrites.dropEmptySuperseded(c, p.tableId());
              }
              return null;
            });
  }

  private FlushPlan plan(CatalogSession c, ResolvedTable table, long snapshot) {
    long tableId = table.table().tableId();
    List<FlushPlan.InlinedTable> inlined = new ArrayList<>();
    TreeMap<Long, Long> versions = MaintenanceGateway.schemaVersions(c, tableId);
    for (InlinedTableRecord r : InlinedDataGateway.inlinedTables(c, tableId)) {
      List<LakeColumn> columns =
          MaintenanceTargets.columnsAt(c, table, versions, r.schemaVersion());
      InlinedDataGateway.Versions rows =
          InlinedDataGateway.readAllVersions(c, lake.catalog(), r, columns, snapshot);
      inlined.add(new FlushPlan.InlinedTable(r, rows.rows().columns(), rows));
    }
    Long partitionId = ObjectWrites.currentPartitionId(c, tableId);
    Map<Long, TreeMap<Long, Long>> fileDeletes = InlinedWrites.fileDeletes(c, tableId, snapshot);
    List<FlushPlan.FileDeletes> files = new ArrayList<>();
    if (!fileDeletes.isEmpty()) {
      Map<Long, DeleteFileRecord> deleteFiles = FileGateway.deleteFiles(c, tableId, snapshot);
      for (DataFileRecord f : FileGateway.dataFiles(c, tableId, snapshot)) {
        TreeMap<Long, Long> positions = fileDeletes.get(f.dataFileId());
        if (positions != null && !positions.isEmpty()) {
          files.add(new FlushPlan.FileDeletes(f, deleteFiles.get(f.dataFileId()), positions));
        }
      }
    }
    List<io.quacklake.internal.write.PartitionKey> keys = List.of();
    if (partitionId != null) {
      keys = partitionKeys(c, table, snapshot);
    }
    return new FlushPlan(tableId, table.directory(), inlined, files, partitionId, keys);
  }

  /** The current partition keys, bound to the table's current columns. */
  private static List<io.quacklake.internal.write.PartitionKey> partitionKeys(
      CatalogSession c, ResolvedTable table, long snapshot) {
    List<io.quacklake.PartitionField> fields = new ArrayList<>();
    for (io.quacklake.internal.catalog.PartitionColumnRecord p :
        io.quacklake.internal.catalog.FileGateway.partitionColumns(
            c, table.table().tableId(), snapshot)) {
      LakeColumn column =
          table.columns().stream()
              .filter(col -> col.id() == p.columnId())
              .findFirst()
              .orElseThrow(
                  () ->
                      QuacklakeException.corrupt(
                          "partition column %d of table %s is not one of its columns",
                          p.columnId(), table.table().name()));
      fields.add(new io.quacklake.PartitionField(column.name(), p.transform()));
    }
    return io.quacklake.internal.lake.PartitionSpec.keys(table.columns(), fields, 0);
  }
}
