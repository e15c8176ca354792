package io.quacklake.scan;

import io.quacklake.catalog.InlinedRows;
import io.quacklake.parquet.ParquetBatchReader;
import io.quacklake.parquet.ParquetReadRequest;
import io.quacklake.parquet.PositionDeleteFile;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Finds the rows a filter matches, as positions in data files and row ids of inlined rows: what a
 * delete or an update needs to record.
 */
public final class RowLocator {
  private RowLocator() {}

  /**
   * Matching rows of a planned scan.
   *
   * @param filterColumns the columns the filter reads
   */
  public static Located locate(
      ScanPlan plan,
      List<LakeColumn> filterColumns,
      RowFilter filter,
      ObjectStore store,
      BufferAllocator allocator) {
    Map<Long, long[]> positions = new LinkedHashMap<>();
    long snapshot = plan.table().snapshotId();
    List<LakeColumn> read =
        filterColumns.isEmpty() ? plan.table().columns().subList(0, 1) : filterColumns;
    for (FileTask task : plan.files()) {
      long[] deleted = task.inlinedDeletes();
      if (task.deleteFile() != null) {
        long[] fromFile =
            PositionDeleteFile.read(
                store.newInputFile(task.deleteLocation(), task.deleteFile().fileSizeBytes()),
                snapshot);
        long[] merged = Arrays.copyOf(fromFile, fromFile.length + deleted.length);
        System.arraycopy(deleted, 0, merged, fromFile.length, deleted.length);
        deleted = Arrays.stream(merged).sorted().distinct().toArray();
      }
      Long partialMax = task.file().partialMax();
      ParquetReadRequest request =
          new ParquetReadRequest(
              store.newInputFile(task.location(), task.file().fileSizeBytes()),
              read,
              filter.columnIds().isEmpty() ? null : (stats, rows) -> filter.mightMatch(stats),
              deleted,
              partialMax != null && partialMax > snapshot ? snapshot : Long.MAX_VALUE,
              true,
              task.file().rowIdStart() == null ? 0 : task.file().rowIdStart(),
              ParquetReadRequest.DEFAULT_BATCH_SIZE);
      List<Long> hits = new ArrayList<>();
      try (ParquetBatchReader reader = ParquetBatchReader.open(request, allocator)) {
        while (reader.loadNextBatch()) {
          VectorSchemaRoot root = reader.root();
          BigIntVector pos = (BigIntVector) root.getVector("_ducklake_file_position");
          int[] selected = filter.select(root);
          int n = selected == null ? root.getRowCount() : selected.length;
          for (int i = 0; i < n; i++) {
            hits.add(pos.get(selected == null ? i : selected[i]));
          }
        }
      }
      if (!hits.isEmpty()) {
        positions.put(task.file().dataFileId(), hits.stream().mapToLong(Long::longValue).toArray());
      }
    }
    Map<String, List<Long>> inlined = new LinkedHashMap<>();
    for (InlinedRows rows : plan.inlined()) {
      try (VectorSchemaRoot root =
          InlinedBatches.build(rows, read, 0, rows.values().size(), allocator)) {
        int[] selected = filter.select(root);
        int n = selected == null ? root.getRowCount() : selected.length;
        List<Long> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          ids.add(rows.rowIds()[selected == null ? i : selected[i]]);
        }
        if (!ids.isEmpty()) {
          inlined.put(rows.tableName(), ids);
        }
      }
    }
    return new Located(positions, inlined);
  }

  /**
   * Matching rows.
   *
   * @param filePositions data file id → matching positions
   * @param inlinedRowIds inlined-data table name → matching row ids
   */
  public record Located(Map<Long, long[]> filePositions, Map<String, List<Long>> inlinedRowIds) {
    public long count() {
      long n = 0;
      for (long[] p : filePositions.values()) {
        n += p.length;
      }
      for (List<Long> ids : inlinedRowIds.values()) {
        n += ids.size();
      }
      return n;
    }
  }
}
