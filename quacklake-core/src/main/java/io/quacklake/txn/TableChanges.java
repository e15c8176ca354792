package io.quacklake.txn;

import io.quacklake.scan.RowFilter;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import io.quacklake.write.PendingDataFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * What a transaction did to the data of one table: files and inlined rows added, positions of
 * committed files deleted, inlined rows deleted.
 */
public final class TableChanges {
  final List<PendingDataFile> files = new ArrayList<>();
  final List<Object[]> inlinedRows = new ArrayList<>();
  final Map<Long, TreeSet<Long>> fileDeletes = new HashMap<>();
  final Map<String, List<Long>> inlinedDeletes = new LinkedHashMap<>();

  public void addFile(PendingDataFile file) {
    files.add(file);
  }

  public void addInlinedRows(List<Object[]> rows) {
    inlinedRows.addAll(rows);
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
    try (VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(columns), allocator)) {
      for (int c = 0; c < columns.size(); c++) {
        FieldVector v = root.getVector(c);
        v.allocateNew();
        for (int r = 0; r < inlinedRows.size(); r++) {
          ArrowValues.set(v, r, inlinedRows.get(r)[c]);
        }
        v.setValueCount(inlinedRows.size());
      }
      root.setRowCount(inlinedRows.size());
      int[] selected = filter.select(root);
      if (selected == null) {
        int n = inlinedRows.size();
        inlinedRows.clear();
        return n;
      }
      for (int i = selected.length - 1; i >= 0; i--) {
        inlinedRows.remove(selected[i]);
      }
      return selected.length;
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
