package io.quacklake.internal.maintenance;

import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.FileColumnStatsRecord;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.InlinedWrites;
import io.quacklake.internal.catalog.MaintenanceGateway;
import io.quacklake.internal.catalog.TableStatsWrites;
import io.quacklake.internal.catalog.TableStatsWrites.ColumnStatsRow;
import io.quacklake.internal.txn.ColumnStatsMerge;
import io.quacklake.internal.txn.Leaves;
import io.quacklake.internal.write.StatsText;
import io.quacklake.types.LakeColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * After a rewrite leaves a table without deletes, its running statistics are rebuilt from its live
 * files as DuckDB does: record count and size are their sums, column bounds their union (so bounds
 * of deleted rows disappear). A table that still has deletes or live inlined rows keeps its
 * statistics.
 */
final class TableStatsRecompute {
  private TableStatsRecompute() {}

  static void afterRewrite(
      CatalogSession c, long tableId, long snapshot, List<LakeColumn> columns) {
    if (!FileGateway.deleteFiles(c, tableId, snapshot).isEmpty()
        || MaintenanceGateway.liveInlinedRows(c, tableId, snapshot) > 0
        || TableStatsWrites.read(c, tableId) == null) {
      return;
    }
    var liveIds =
        FileGateway.dataFiles(c, tableId, snapshot).stream()
            .map(f -> f.dataFileId())
            .collect(java.util.stream.Collectors.toSet());
    if (InlinedWrites.fileDeletes(c, tableId, snapshot).keySet().stream()
        .anyMatch(liveIds::contains)) {
      return;
    }
    MaintenanceGateway.recomputeTableStats(c, tableId, snapshot);
    List<LakeColumn> leaves = Leaves.of(columns);
    Map<Long, LakeColumn> byId = new HashMap<>();
    leaves.forEach(l -> byId.put(l.id(), l));
    Map<Long, List<FileColumnStatsRecord>> stats =
        FileGateway.columnStats(c, tableId, snapshot, byId.keySet());
    Map<Long, ColumnStatsRow> merged = new HashMap<>();
    for (List<FileColumnStatsRecord> file : stats.values()) {
      for (FileColumnStatsRecord s : file) {
        LakeColumn leaf = byId.get(s.columnId());
        boolean allNull = s.valueCount() != null && s.valueCount() == 0;
        Object min = s.minValue() == null ? null : StatsText.parse(s.minValue(), leaf);
        Object max = s.maxValue() == null ? null : StatsText.parse(s.maxValue(), leaf);
        ColumnStatsMerge.Added added =
            new ColumnStatsMerge.Added(
                min,
                max,
                s.nullCount() == null || s.nullCount() > 0,
                allNull,
                s.containsNan(),
                s.extraStats());
        merged.put(leaf.id(), ColumnStatsMerge.merge(merged.get(leaf.id()), added, leaf));
      }
    }
    Map<Long, ColumnStatsRow> existing = TableStatsWrites.readColumns(c, tableId);
    merged.forEach(
        (id, row) -> TableStatsWrites.writeColumn(c, tableId, id, row, existing.containsKey(id)));
  }
}
