package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.CatalogConnection;
import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.catalog.FileColumnStatsRecord;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.InlinedDataGateway;
import io.quacklake.internal.catalog.InlinedRows;
import io.quacklake.internal.catalog.InlinedTableRecord;
import io.quacklake.internal.catalog.PartitionColumnRecord;
import io.quacklake.internal.parquet.NameMapping;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plans a scan: the files and inlined rows of a table at a snapshot that the filter may need. */
public final class ScanPlanner {
  private ScanPlanner() {}

  /**
   * Reads the plan from one consistent view of the catalog.
   *
   * @param readColumns the columns the scan reads (projection plus filter columns)
   */
  public static ScanPlan plan(
      CatalogConnection catalog,
      ResolvedTable table,
      List<LakeColumn> readColumns,
      RowFilter filter) {
    return plan(catalog, null, table, readColumns, filter);
  }

  /**
   * As {@link #plan(CatalogConnection, ResolvedTable, List, RowFilter)}, taking the table's files
   * from {@code cache} when it holds them.
   *
   * @param cache the lake's plan cache, or null
   */
  public static ScanPlan plan(
      CatalogConnection catalog,
      PlanCache cache,
      ResolvedTable table,
      List<LakeColumn> readColumns,
      RowFilter filter) {
    return catalog.read(
        "the files of " + table.table().qualifiedName(),
        c -> plan(c, catalog, cache, table, readColumns, filter));
  }

  /** The name mappings of the files registered without field ids, by mapping id. */
  public static Map<Long, NameMapping> mappings(CatalogSession c, List<DataFileRecord> files) {
    java.util.Set<Long> ids = new java.util.TreeSet<>();
    for (DataFileRecord f : files) {
      if (f.mappingId() != null) {
        ids.add(f.mappingId());
      }
    }
    Map<Long, NameMapping> out = new java.util.HashMap<>();
    FileGateway.nameMappings(c, ids)
        .forEach(
            (id, rows) ->
                out.put(
                    id,
                    new NameMapping(
                        rows.stream()
                            .map(
                                r ->
                                    new NameMapping.Entry(
                                        r.columnId(),
                                        r.sourceName(),
                                        r.targetFieldId(),
                                        r.parentColumn(),
                                        r.partition()))
                            .toList())));
    for (Long id : ids) {
      if (!out.containsKey(id)) {
        throw io.quacklake.exceptions.QuacklakeException.corrupt(
            "a data file refers to name mapping %d, which ducklake_name_mapping does not hold;"
                + " the catalog is damaged: restore it from a backup",
            id);
      }
    }
    return out;
  }

  private static ScanPlan plan(
      CatalogSession c,
      CatalogConnection catalog,
      PlanCache cache,
      ResolvedTable table,
      List<LakeColumn> readColumns,
      RowFilter filter) {
    long tableId = table.table().tableId();
    long snapshot = table.snapshotId();
    PlanCache.Entry cached = cache == null ? null : cache.lookup(c, tableId, snapshot);
    List<DataFileRecord> files =
        cached != null
            ? cached.within(c, tableId, filter.integerRanges())
            : FileGateway.dataFiles(c, tableId, snapshot, filter.integerRanges());
    Map<Long, DeleteFileRecord> deletes = FileGateway.deleteFiles(c, tableId, snapshot);
    Map<Long, List<Long>> inlinedDeletes = FileGateway.inlinedFileDeletes(c, tableId, snapshot);
    Pruning pruning =
        cached != null
            ? Pruning.cached(c, table, filter, cached, files)
            : Pruning.load(c, table, filter, files);

    String tableName = table.table().qualifiedName();
    Map<Long, NameMapping> mappings = cached != null ? cached.mappings() : mappings(c, files);
    List<FileTask> tasks = new ArrayList<>(files.size());
    int pruned = 0;
    for (DataFileRecord f : files) {
      if (!pruning.mightMatch(f)) {
        pruned++;
        continue;
      }
      DeleteFileRecord d = deletes.get(f.dataFileId());
      tasks.add(
          new FileTask(
              f,
              f.location(table.directory(), tableName),
              d,
              d == null ? null : d.location(table.directory(), tableName),
              sorted(inlinedDeletes.get(f.dataFileId())),
              f.mappingId() == null ? null : mappings.get(f.mappingId())));
    }
    List<InlinedRows> inlined = new ArrayList<>();
    for (InlinedTableRecord t : InlinedDataGateway.inlinedTables(c, tableId)) {
      InlinedRows rows = InlinedDataGateway.read(c, catalog, t, readColumns, snapshot);
      if (!rows.values().isEmpty()) {
        inlined.add(rows);
      }
    }
    long total = cached != null ? cached.files().size() : files.size();
    if (cached != null) {
      pruned += (int) (total - files.size());
    } else if (!filter.integerRanges().isEmpty()) {
      total = FileGateway.countDataFiles(c, tableId, snapshot);
      pruned += (int) (total - files.size());
    }
    return new ScanPlan(table, tasks, inlined, (int) total, pruned);
  }

  private static long[] sorted(List<Long> positions) {
    if (positions == null) {
      return new long[0];
    }
    return positions.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
  }

  /** Catalog statistics and partition values, loaded only when the filter reads columns. */
  private record Pruning(
      RowFilter filter,
      Map<Long, LakeColumn> columns,
      Map<Long, List<FileColumnStatsRecord>> stats,
      Map<Long, List<PartitionColumnRecord>> partitionKeys,
      Map<Long, Map<Integer, String>> partitionValues,
      BucketPruning buckets) {

    static Pruning load(
        CatalogSession c, ResolvedTable table, RowFilter filter, List<DataFileRecord> files) {
      if (filter.columnIds().isEmpty()) {
        return new Pruning(filter, Map.of(), Map.of(), Map.of(), Map.of(), null);
      }
      long tableId = table.table().tableId();
      Map<Long, LakeColumn> columns = new HashMap<>();
      table.columns().forEach(col -> columns.put(col.id(), col));
      Set<Long> candidates = null;
      if (files.size() <= 1000) {
        candidates = new HashSet<>();
        for (DataFileRecord f : files) {
          candidates.add(f.dataFileId());
        }
      }
      Map<Long, List<FileColumnStatsRecord>> stats =
          FileGateway.columnStats(c, tableId, table.snapshotId(), filter.columnIds(), candidates);
      Partitions partitions = Partitions.load(c, tableId, files);
      return new Pruning(
          filter,
          columns,
          stats,
          partitions.keys(),
          partitions.values(),
          new BucketPruning(filter.equalityValues(), columns));
    }

    /** The same pruning from a table's cached files: statistics loaded once per column. */
    static Pruning cached(
        CatalogSession c,
        ResolvedTable table,
        RowFilter filter,
        PlanCache.Entry cached,
        List<DataFileRecord> files) {
      if (filter.columnIds().isEmpty()) {
        return new Pruning(filter, Map.of(), Map.of(), Map.of(), Map.of(), null);
      }
      Map<Long, LakeColumn> columns = new HashMap<>();
      table.columns().forEach(col -> columns.put(col.id(), col));
      return new Pruning(
          filter,
          columns,
          cached.stats(c, table.table().tableId(), filter.columnIds(), files),
          cached.partitionKeys(),
          cached.partitionValues(),
          new BucketPruning(filter.equalityValues(), columns));
    }

    boolean mightMatch(DataFileRecord f) {
      if (columns.isEmpty()) {
        return true;
      }
      List<PartitionColumnRecord> keys =
          f.partitionId() == null
              ? List.of()
              : partitionKeys.getOrDefault(f.partitionId(), List.of());
      Map<Integer, String> values = partitionValues.getOrDefault(f.dataFileId(), Map.of());
      CatalogFileStats fileStats =
          new CatalogFileStats(
              f.recordCount(),
              stats.getOrDefault(f.dataFileId(), List.of()),
              keys,
              values,
              columns);
      return filter.mightMatch(fileStats) && buckets.mightMatch(keys, values);
    }
  }
}
