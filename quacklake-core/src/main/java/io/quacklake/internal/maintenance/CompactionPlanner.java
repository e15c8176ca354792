package io.quacklake.internal.maintenance;

import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.InlinedWrites;
import io.quacklake.internal.catalog.MaintenanceGateway;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses the files DuckDB's {@code ducklake_merge_adjacent_files} and {@code
 * ducklake_rewrite_data_files} would compact: live files in row-id order, grouped by schema
 * version, partition spec and values, and within a group runs whose summed size comes closest to
 * the target file size. Merging leaves files with deletes alone; rewriting takes files whose
 * deleted fraction reaches the threshold, sized by their surviving rows. Files read through a name
 * mapping are left alone.
 */
final class CompactionPlanner {
  private final long targetFileSize;

  CompactionPlanner(long targetFileSize) {
    this.targetFileSize = targetFileSize;
  }

  List<CompactionGroup> merge(CatalogSession c, ResolvedTable table, long snapshot, long maxSize) {
    List<SourceFile> files = new ArrayList<>();
    for (SourceFile f : sources(c, table, snapshot)) {
      if (f.file().fileSizeBytes() < maxSize
          && f.file().fileSizeBytes() < targetFileSize
          && !f.hasDeletes()) {
        files.add(f);
      }
    }
    return groups(c, table, files, false);
  }

  List<CompactionGroup> rewrite(
      CatalogSession c, ResolvedTable table, long snapshot, double threshold) {
    List<SourceFile> files = new ArrayList<>();
    for (SourceFile f : sources(c, table, snapshot)) {
      long deleted = f.deletedRows();
      double ratio =
          f.file().recordCount() == 0 ? 0 : (double) deleted / (double) f.file().recordCount();
      if (deleted > 0 && ratio >= threshold) {
        files.add(f);
      }
    }
    return groups(c, table, files, true);
  }

  private List<CompactionGroup> groups(
      CatalogSession c, ResolvedTable table, List<SourceFile> files, boolean rewrite) {
    Map<List<Object>, List<SourceFile>> byGroup = new LinkedHashMap<>();
    for (SourceFile f : files) {
      List<Object> key = new ArrayList<>();
      key.add(f.schemaVersion());
      key.add(f.file().partitionId());
      key.add(f.partitionValues());
      byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    List<CompactionGroup> out = new ArrayList<>();
    TreeMap<Long, Long> versions = MaintenanceGateway.schemaVersions(c, table.table().tableId());
    for (List<SourceFile> group : byGroup.values()) {
      if (!rewrite && group.size() < 2) {
        continue;
      }
      List<LakeColumn> columns =
          MaintenanceTargets.columnsAt(c, table, versions, group.get(0).schemaVersion());
      for (int start = 0; start < group.size(); ) {
        long size = 0;
        int end = start;
        while (end < group.size()) {
          SourceFile f = group.get(end);
          long fileSize = f.file().fileSizeBytes();
          if (rewrite) {
            fileSize = (long) (fileSize * (1 - (double) f.deletedRows() / f.file().recordCount()));
          }
          long now = Math.abs(size - targetFileSize);
          long merged = Math.abs(size + fileSize - targetFileSize);
          if (size > 0 && merged >= now) {
            break;
          }
          size += fileSize;
          end++;
        }
        if (rewrite || end - start > 1) {
          out.add(group(table, columns, group.subList(start, end)));
        }
        start = Math.max(end, start + 1);
      }
    }
    return out;
  }

  private static CompactionGroup group(
      ResolvedTable table, List<LakeColumn> columns, List<SourceFile> sources) {
    SourceFile first = sources.get(0);
    String directory = "";
    String path = first.file().path();
    if (first.file().partitionId() != null && first.file().pathIsRelative()) {
      directory = path.substring(0, path.lastIndexOf('/') + 1);
    }
    return new CompactionGroup(
        table.table().tableId(),
        table.directory(),
        columns,
        List.copyOf(sources),
        first.file().partitionId(),
        first.partitionValues(),
        directory);
  }

  /** The table's live files with their deletes, in DuckDB's order. */
  private static List<SourceFile> sources(CatalogSession c, ResolvedTable table, long snapshot) {
    long tableId = table.table().tableId();
    Map<Long, DeleteFileRecord> deletes = FileGateway.deleteFiles(c, tableId, snapshot);
    Map<Long, TreeMap<Long, Long>> inlined = InlinedWrites.fileDeletes(c, tableId, snapshot);
    Map<Long, Map<Integer, String>> partitions = FileGateway.partitionValues(c, tableId);
    TreeMap<Long, Long> versions = MaintenanceGateway.schemaVersions(c, tableId);
    List<DataFileRecord> files = new ArrayList<>(FileGateway.dataFiles(c, tableId, snapshot));
    files.sort(
        Comparator.comparingLong(DataFileRecord::beginSnapshot)
            .thenComparing(
                DataFileRecord::rowIdStart, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(DataFileRecord::dataFileId));
    List<SourceFile> out = new ArrayList<>();
    String name = "id " + tableId;
    for (DataFileRecord f : files) {
      if (f.mappingId() != null || f.encryptionKey() != null) {
        continue;
      }
      Map.Entry<Long, Long> version = versions.floorEntry(f.beginSnapshot());
      Map<Integer, String> values = partitions.getOrDefault(f.dataFileId(), Map.of());
      List<String> ordered = new ArrayList<>();
      for (int k = 0; k < values.size(); k++) {
        ordered.add(values.get(k));
      }
      out.add(
          new SourceFile(
              f,
              f.location(table.directory(), name),
              deletes.get(f.dataFileId()),
              inlined.getOrDefault(f.dataFileId(), new TreeMap<>()),
              version == null ? -1 : version.getValue(),
              ordered));
    }
    return out;
  }
}
