package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.InlinedRows;
import io.quacklake.internal.parquet.ParquetBatchReader;
import io.quacklake.internal.parquet.ParquetReadRequest;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
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
    Map<Long, List<Long>> positions = new LinkedHashMap<>();
    Map<String, List<Long>> inlined = new LinkedHashMap<>();
    List<LakeColumn> read =
        filterColumns.isEmpty() ? plan.table().columns().subList(0, 1) : filterColumns;
    visit(
        plan,
        read,
        filter,
        store,
        allocator,
        (fileId, table, position, rowId, root, row) -> {
          if (fileId != null) {
            positions.computeIfAbsent(fileId, k -> new ArrayList<>()).add(position);
          } else {
            inlined.computeIfAbsent(table, k -> new ArrayList<>()).add(rowId);
          }
        });
    Map<Long, long[]> filePositions = new LinkedHashMap<>();
    positions.forEach(
        (k, v) -> filePositions.put(k, v.stream().mapToLong(Long::longValue).toArray()));
    return new Located(filePositions, inlined);
  }

  /** Every matching row with all of the table's column values (for updates and merges). */
  public static List<MatchedRow> locateRows(
      ScanPlan plan, RowFilter filter, ObjectStore store, BufferAllocator allocator) {
    List<MatchedRow> out = new ArrayList<>();
    List<LakeColumn> columns = plan.table().columns();
    visit(
        plan,
        columns,
        filter,
        store,
        allocator,
        (fileId, table, position, rowId, root, row) -> {
          Object[] values = new Object[columns.size()];
          for (int c = 0; c < values.length; c++) {
            values[c] = ArrowValues.get(root.getVector(c), row);
          }
          out.add(new MatchedRow(fileId, table, position, rowId, values));
        });
    return out;
  }

  /** A matching row: in a data file at a position, or in an inlined table; and its values. */
  public record MatchedRow(
      Long dataFileId, String inlinedTable, long position, long rowId, Object[] values) {}

  /** Receives one matching row. */
  private interface Visitor {
    void match(
        Long dataFileId,
        String inlinedTable,
        long position,
        long rowId,
        VectorSchemaRoot root,
        int row);
  }

  private static void visit(
      ScanPlan plan,
      List<LakeColumn> read,
      RowFilter filter,
      ObjectStore store,
      BufferAllocator allocator,
      Visitor visitor) {
    long snapshot = plan.table().snapshotId();
    for (FileTask task : plan.files()) {
      long[] deleted = DeletedPositions.of(task, snapshot, store);
      ParquetReadRequest request =
          new ParquetReadRequest(
              io.quacklake.internal.parquet.crypto.FileEncryption.open(
                  store, task.location(), task.file().fileSizeBytes(), task.file().encryptionKey()),
              task.columns(read),
              filter.columnIds().isEmpty() ? null : (stats, rows) -> filter.mightMatch(stats),
              deleted,
              DeletedPositions.maxSnapshot(task, snapshot),
              true,
              task.file().rowIdStart() == null ? 0 : task.file().rowIdStart(),
              ParquetReadRequest.DEFAULT_BATCH_SIZE,
              null,
              null,
              task.mapping());
      try (ParquetBatchReader reader = ParquetBatchReader.open(request, allocator)) {
        while (reader.loadNextBatch()) {
          VectorSchemaRoot root = reader.root();
          BigIntVector pos = (BigIntVector) root.getVector("_ducklake_file_position");
          BigIntVector ids = (BigIntVector) root.getVector("_ducklake_row_id");
          int[] selected = filter.select(root);
          int n = selected == null ? root.getRowCount() : selected.length;
          for (int i = 0; i < n; i++) {
            int row = selected == null ? i : selected[i];
            visitor.match(task.file().dataFileId(), null, pos.get(row), ids.get(row), root, row);
          }
        }
      }
    }
    for (InlinedRows rows : plan.inlined()) {
      try (VectorSchemaRoot root =
          InlinedBatches.build(rows, read, 0, rows.values().size(), allocator)) {
        int[] selected = filter.select(root);
        int n = selected == null ? root.getRowCount() : selected.length;
        for (int i = 0; i < n; i++) {
          int row = selected == null ? i : selected[i];
          visitor.match(null, rows.tableName(), -1, rows.rowIds()[row], root, row);
        }
      }
    }
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
