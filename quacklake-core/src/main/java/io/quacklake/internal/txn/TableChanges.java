package io.quacklake.internal.txn;

import io.quacklake.internal.catalog.InlinedRows;
import io.quacklake.internal.write.PendingDataFile;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
  final Map<PendingDataFile, io.quacklake.internal.parquet.NameMapping> registered =
      new java.util.IdentityHashMap<>();
  private long inlinedBytes;

  public void addFile(PendingDataFile file) {
    files.add(file);
  }

  /**
   * Adds a file written elsewhere and registered without copying: its {@code relativePath} is its
   * absolute location, its columns map to the table's through {@code mapping}.
   */
  public void addRegisteredFile(
      PendingDataFile file, io.quacklake.internal.parquet.NameMapping mapping) {
    files.add(file);
    registered.put(file, mapping);
  }

  /** New rows to inline; their row ids are allocated at commit. */
  public void addInlinedRows(List<Object[]> rows) {
    inlinedBytes += InlinedBytes.of(rows);
    inlinedRows.addAll(rows);
    rows.forEach(r -> inlinedRowIds.add(null));
  }

  /** New versions of existing rows (an update), keeping their row ids. */
  public void addInlinedRows(List<Object[]> rows, List<Long> rowIds) {
    inlinedBytes += InlinedBytes.of(rows);
    inlinedRows.addAll(rows);
    inlinedRowIds.addAll(rowIds);
  }

  /** Bytes of values added as inlined rows so far (rows dropped later still count). */
  long inlinedBytes() {
    return inlinedBytes;
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

  /** The name that marks this transaction's own inlined rows in a {@link InlinedRows} list. */
  public static final String PENDING_INLINED = "(pending inlined rows)";

  /**
   * This transaction's own inlined rows as the scan layer sees them: row "ids" are their indexes,
   * so a match can be mapped back with {@link #removePendingInlined} or {@link #setPendingInlined}.
   */
  public InlinedRows pendingInlined(List<LakeColumn> columns) {
    long[] indexes = new long[inlinedRows.size()];
    List<Object[]> copies = new ArrayList<>(inlinedRows.size());
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = i;
      copies.add(inlinedRows.get(i).clone());
    }
    return new InlinedRows(PENDING_INLINED, columns, indexes, copies, null);
  }

  /** Drops this transaction's own inlined rows at these indexes. */
  public void removePendingInlined(List<Long> indexes) {
    indexes.stream()
        .distinct()
        .sorted(Comparator.reverseOrder())
        .forEach(
            i -> {
              inlinedRows.remove(i.intValue());
              inlinedRowIds.remove(i.intValue());
            });
  }

  /** Replaces the values of one of this transaction's own inlined rows (its row id stays). */
  public void setPendingInlined(long index, Object[] values) {
    inlinedRows.set((int) index, values.clone());
  }

  /** Positions of a committed data file this transaction deleted (empty if none). */
  public Set<Long> deletedPositions(long dataFileId) {
    return fileDeletes.getOrDefault(dataFileId, new TreeSet<>());
  }

  /** Row ids of a committed inlined-data table this transaction deleted (empty if none). */
  public Set<Long> deletedInlined(String inlinedTable) {
    return new HashSet<>(inlinedDeletes.getOrDefault(inlinedTable, List.of()));
  }

  /** Replaces a file this transaction wrote by its rewritten versions (none: all rows gone). */
  public void replaceFile(PendingDataFile old, List<PendingDataFile> replacements) {
    int i = files.indexOf(old);
    if (i < 0) {
      throw new IllegalArgumentException("not a file of this transaction: " + old.relativePath());
    }
    files.remove(i);
    files.addAll(i, replacements);
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
