package io.quacklake.txn;

import io.quacklake.scan.RowFilter;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.LakeColumn;
import io.quacklake.write.PendingDataFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * What a transaction did to the data of one table: files and inlined rows added, positions of
 * committed files deleted, inlined rows deleted.
 */
public final class TableChanges {
  final List<PendingDataFile> files = new ArrayList<>();
  final List<Object[]> inlinedRows = new ArrayList<>();
  final List<Long> inlinedRowIds = new ArrayList<>();
  final Map<Long, TreeSet<Long>> fileDeletes = new HashMap<>();
  final Map<String, List<Long>> inlinedDeletes = new LinkedHashMap<>();

  public void addFile(PendingDataFile file) {
    files.add(file);
  }

  /** New rows to inline; their row ids are allocated at commit. */
  public void addInlinedRows(List<Object[]> rows) {
    inlinedRows.addAll(rows);
    rows.forEach(r -> inlinedRowIds.add(null));
  }

  /** New versions of existing rows (an update), keeping their row ids. */
  public void addInlinedRows(List<Object[]> rows, List<Long> rowIds) {
    inlinedRows.addAll(rows);
    inlinedRowIds.addAll(rowIds);
  }

  public void deletePositions(long dataFileId, long[] positions) {
    TreeSet<Long> set = fileDeletes.computeIfAbsent(dataFileId, k -> new TreeSet<>());
    for (long p : positions) {
      set.add(p);
    }
  }

  public void deleteInlined(String inlinedTable, List<Long> rowIds) {
    inlinedDeletes.computeIfAbsent(inlinedTable, k -> new ArrayList<>()).addAll(rowIds);
  }

  /**
   * Drops pending inlined rows (written by this transaction) that match the filter; returns how
   * many were dropped.
   */
  public long deleteInlinedPending(
      RowFilter filter, List<LakeColumn> columns, BufferAllocator allocator) {
    if (inlinedRows.isEmpty()) {
      return 0;
    }
    int[] selected = select(filter, columns, allocator);
    if (selected == null) {
      int n = inlinedRows.size();
      inlinedRows.clear();
      inlinedRowIds.clear();
      return n;
    }
    for (int i = selected.length - 1; i >= 0; i--) {
      inlinedRows.remove(selected[i]);
      inlinedRowIds.remove(selected[i]);
    }
    return selected.length;
  }

  /**
   * Applies an update to pending inlined rows (written by this transaction) that match the filter;
   * returns how many changed.
   */
  public long updateInlinedPending(
      RowFilter filter,
      List<LakeColumn> columns,
      BufferAllocator allocator,
      Object[] patch,
      boolean[] patched) {
    if (inlinedRows.isEmpty()) {
      return 0;
    }
    int[] selected = select(filter, columns, allocator);
    int n = selected == null ? inlinedRows.size() : selected.length;
    for (int i = 0; i < n; i++) {
      Object[] row = inlinedRows.get(selected == null ? i : selected[i]);
      for (int c = 0; c < row.length; c++) {
        if (patched[c]) {
          row[c] = patch[c];
        }
      }
    }
    return n;
  }

  private int[] select(RowFilter filter, List<LakeColumn> columns, BufferAllocator allocator) {
    try (VectorSchemaRoot root = ArrowRows.of(columns, inlinedRows, allocator)) {
      return filter.select(root);
    }
  }

  public boolean inserts() {
    return !files.isEmpty() || !inlinedRows.isEmpty();
  }

  public boolean deletes() {
    return !fileDeletes.isEmpty() || !inlinedDeletes.isEmpty();
  }

  public List<PendingDataFile> files() {
    return files;
  }
}
