package io.quacklake.internal.txn;

import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.FileColumnStatsRecord;
import io.quacklake.internal.catalog.FileWrites;
import io.quacklake.internal.catalog.InlinedDataGateway;
import io.quacklake.internal.catalog.InlinedTableRecord;
import io.quacklake.internal.catalog.InlinedWrites;
import io.quacklake.internal.catalog.TableStatsWrites;
import io.quacklake.internal.catalog.TableStatsWrites.ColumnStatsRow;
import io.quacklake.internal.catalog.TableStatsWrites.TableStats;
import io.quacklake.internal.parquet.LeafStats;
import io.quacklake.internal.write.PendingDataFile;
import io.quacklake.internal.write.StatsText;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Commits the data changes of one table: new data files with their column statistics, inlined rows,
 * deletes, and the table's running statistics.
 */
final class DataCommit {
  private final CatalogSession c;
  private final CommitIo io;
  private final long snapshot;
  private final CommitSummary summary;
  private final LongSupplier fileIds;

  DataCommit(
      CatalogSession c, CommitIo io, long snapshot, CommitSummary summary, LongSupplier fileIds) {
    this.c = c;
    this.io = io;
    this.snapshot = snapshot;
    this.summary = summary;
    this.fileIds = fileIds;
  }

  void apply(
      long tableId,
      List<LakeColumn> columns,
      TableChanges changes,
      Location tableDir,
      Long partitionId) {
    TableStats before = TableStatsWrites.read(c, tableId);
    long records = before == null ? 0 : before.recordCount();
    long nextRowId = before == null ? 0 : before.nextRowId();
    long bytes = before == null ? 0 : before.fileSizeBytes();
    List<LakeColumn> leaves = Leaves.of(columns);
    Map<Long, ColumnStatsMerge.Added> added = new HashMap<>();

    for (PendingDataFile f : changes.files) {
      io.quacklake.internal.parquet.NameMapping mapping = changes.registered.get(f);
      Long mappingId = null;
      if (mapping != null) {
        mappingId = fileIds.getAsLong();
        FileWrites.insertNameMapping(c, mappingId, tableId, mappingRows(mappingId, mapping));
      }
      long fileId = fileIds.getAsLong();
      long rows = f.file().rowCount();
      FileWrites.insertDataFile(
          c,
          tableId,
          new DataFileRecord(
              fileId,
              snapshot,
              f.relativePath(),
              mapping == null,
              "parquet",
              rows,
              f.file().fileSizeBytes(),
              f.file().footerSize(),
              f.embeddedRowIds() ? f.firstRowId() : nextRowId,
              f.partitionValues().isEmpty() ? null : partitionId,
              f.file().encryptionKey(),
              mappingId,
              null),
          f.file().rowGroupCount());
      for (int k = 0; k < f.partitionValues().size(); k++) {
        FileWrites.insertPartitionValue(c, fileId, tableId, k, f.partitionValues().get(k));
      }
      for (LakeColumn leaf : leaves) {
        LeafStats s = f.file().leafStats().get(leaf.id());
        if (s == null) {
          continue;
        }
        StatsText.Bounds bounds = StatsText.bounds(s.min(), s.max(), leaf);
        FileWrites.insertColumnStats(
            c,
            tableId,
            new FileColumnStatsRecord(
                fileId,
                leaf.id(),
                s.valueCount(),
                s.nullCount(),
                bounds.min(),
                bounds.max(),
                s.containsNan(),
                s.extraStats()),
            s.columnSizeBytes(),
            mapping == null && bounds.minExact(),
            mapping == null && bounds.maxExact(),
            s.extraStats());
        added.merge(
            leaf.id(),
            new ColumnStatsMerge.Added(
                s.min(),
                s.max(),
                s.nullCount() > 0,
                s.valueCount() == 0,
                s.containsNan(),
                s.extraStats()),
            (a, b) -> InlinedStats.combine(a, b, leaf));
      }
      if (!f.embeddedRowIds()) {
        nextRowId += rows;
      }
      records += rows;
      bytes += f.file().fileSizeBytes();
      summary.insertedInto.add(tableId);
    }

    if (!changes.inlinedRows.isEmpty()) {
      InlinedTableRecord target = latestInlinedTable(tableId);
      long[] rowIds = new long[changes.inlinedRows.size()];
      for (int i = 0; i < rowIds.length; i++) {
        Long kept = changes.inlinedRowIds.get(i);
        if (kept == null) {
          rowIds[i] = nextRowId++;
        } else {
          rowIds[i] = kept;
        }
      }
      List<LakeColumn> topLevel = columns;
      InlinedWrites.insert(c, target.tableName(), topLevel, snapshot, rowIds, changes.inlinedRows);
      InlinedStats.of(columns, changes.inlinedRows)
          .forEach(
              (id, a) ->
                  added.merge(id, a, (x, y) -> InlinedStats.combine(x, y, find(leaves, id))));
      records += rowIds.length;
      summary.inlinedInsert.add(tableId);
      if (changes.files.isEmpty()) {
        fileIds.getAsLong();
      }
    }

    DeleteCommit deletes = new DeleteCommit(c, io, snapshot, summary, fileIds);
    long dropped = deletes.apply(tableId, changes, tableDir);
    records -= deletes.droppedRecords();
    bytes -= deletes.droppedBytes();

    if (!changes.files.isEmpty() || !changes.inlinedRows.isEmpty() || dropped > 0) {
      TableStatsWrites.write(c, tableId, new TableStats(records, nextRowId, bytes), before != null);
      updateColumnStats(tableId, leaves, added, before == null);
    }
  }

  private void updateColumnStats(
      long tableId,
      List<LakeColumn> leaves,
      Map<Long, ColumnStatsMerge.Added> added,
      boolean first) {
    if (added.isEmpty()) {
      return;
    }
    Map<Long, ColumnStatsRow> existing = TableStatsWrites.readColumns(c, tableId);
    for (LakeColumn leaf : leaves) {
      ColumnStatsMerge.Added a = added.get(leaf.id());
      if (a == null) {
        continue;
      }
      ColumnStatsRow old = existing.get(leaf.id());
      if (old == null && !first) {
        continue;
      }
      TableStatsWrites.writeColumn(
          c, tableId, leaf.id(), ColumnStatsMerge.merge(old, a, leaf), old != null);
    }
  }

  private static List<io.quacklake.internal.catalog.NameMappingRecord> mappingRows(
      long mappingId, io.quacklake.internal.parquet.NameMapping mapping) {
    return mapping.entries().stream()
        .map(
            e ->
                new io.quacklake.internal.catalog.NameMappingRecord(
                    mappingId,
                    e.columnId(),
                    e.sourceName(),
                    e.targetFieldId(),
                    e.parentColumn(),
                    e.partition()))
        .toList();
  }

  private InlinedTableRecord latestInlinedTable(long tableId) {
    List<InlinedTableRecord> all = InlinedDataGateway.inlinedTables(c, tableId);
    if (all.isEmpty()) {
      throw new IllegalStateException("table " + tableId + " has no inlined-data table");
    }
    return all.get(all.size() - 1);
  }

  private static LakeColumn find(List<LakeColumn> leaves, long id) {
    for (LakeColumn l : leaves) {
      if (l.id() == id) {
        return l;
      }
    }
    throw new IllegalArgumentException("no leaf column " + id);
  }
}
