package io.quacklake;

import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.scan.Filters;
import io.quacklake.scan.RowFilter;
import io.quacklake.scan.RowLocator;
import io.quacklake.scan.ScanPlanner;
import io.quacklake.txn.TableChanges;
import io.quacklake.txn.TransactionState;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import io.quacklake.write.BatchAligner;
import io.quacklake.write.DataFileWriter;
import io.quacklake.write.PartitionSplit;
import io.quacklake.write.PendingDataFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The row-changing statements of a transaction: append, insert, delete, update and merge, each
 * writing files or recording rows and positions in the transaction's state.
 */
final class RowOperations {
  private final Lake lake;
  private final TransactionState state;
  private final TransactionTables tables;

  RowOperations(Lake lake, TransactionState state, TransactionTables tables) {
    this.lake = lake;
    this.state = state;
    this.tables = tables;
  }

  /** Appends the rows of a batch (columns matched by name; see {@link BatchAligner}). */
  void append(String name, VectorSchemaRoot batch) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
    if (batch.getRowCount() == 0) {
      return;
    }
    try (BatchAligner.Aligned a =
        BatchAligner.align(table.toString(), batch, t.columns(), lake.allocator())) {
      VectorSchemaRoot aligned = a.root();
      int limit = t.inlining() ? lake.inliningLimit() : 0;
      if (aligned.getRowCount() <= limit) {
        t.changes().addInlinedRows(rows(aligned));
        return;
      }
      writeFiles(t, aligned, false);
    }
  }

  private void writeFiles(
      TransactionTables.Target t, VectorSchemaRoot root, boolean embeddedRowIds) {
    if (!t.partitionKeys().isEmpty() && !embeddedRowIds) {
      for (PartitionSplit.Part part :
          PartitionSplit.split(root, t.columns(), t.partitionKeys(), lake.allocator())) {
        try (VectorSchemaRoot batch = part.batch()) {
          for (PendingDataFile file :
              DataFileWriter.write(
                  lake.store(),
                  t.directory().resolve(part.directory()),
                  t.columns(),
                  batch,
                  false,
                  lake.parquetOptions(),
                  lake.targetFileSize(),
                  state::wrote)) {
            t.changes().addFile(file.partitioned(part.directory(), -1, part.values()));
          }
        }
      }
      return;
    }
    for (PendingDataFile file :
        DataFileWriter.write(
            lake.store(),
            t.directory(),
            t.columns(),
            root,
            embeddedRowIds,
            lake.parquetOptions(),
            lake.targetFileSize(),
            state::wrote)) {
      t.changes().addFile(file);
    }
  }

  /**
   * Appends rows given as plain Java values (see {@link io.quacklake.types.LakeValues}), keyed by
   * column name. A missing column takes its default (or NULL); an unknown name is an error.
   */
  void insert(String name, List<? extends Map<String, ?>> rows) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
    try (VectorSchemaRoot root = RowBatches.build(table, t.columns(), rows, lake.allocator())) {
      append(name, root);
    }
  }

  /**
   * Deletes the rows matching {@code filter}; returns how many.
   *
   * @throws QuacklakeException UNSUPPORTED after appending files to the table in this transaction
   */
  long delete(String name, Expression filter) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
    rejectAfterFileAppend(table, t);
    RowFilter rowFilter = Filters.bind(filter, t.columns());
    long count = t.changes().deleteInlinedPending(rowFilter, t.columns(), lake.allocator());
    if (t.resolved() == null) {
      return count;
    }
    List<LakeColumn> read = new ArrayList<>();
    for (LakeColumn c : t.columns()) {
      if (rowFilter.columnIds().contains(c.id())) {
        read.add(c);
      }
    }
    var plan = ScanPlanner.plan(lake.catalog(), t.resolved(), read, rowFilter);
    RowLocator.Located hits =
        RowLocator.locate(plan, read, rowFilter, lake.store(), lake.allocator());
    TableChanges changes = t.changes();
    for (Map.Entry<Long, long[]> e : hits.filePositions().entrySet()) {
      changes.deletePositions(e.getKey(), e.getValue());
    }
    hits.inlinedRowIds().forEach(changes::deleteInlined);
    return count + hits.count();
  }

  /**
   * Sets columns of the rows matching {@code filter} to new values, keeping each row's id (a delete
   * of the old version plus an insert of the new one); returns how many rows changed.
   *
   * @param set column name → new value (a plain Java value of the column's type, or null)
   */
  long update(String name, Map<String, ?> set, Expression filter) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
    rejectAfterFileAppend(table, t);
    Object[] patch = new Object[t.columns().size()];
    boolean[] patched = new boolean[patch.length];
    for (Map.Entry<String, ?> e : set.entrySet()) {
      int i = columnIndex(table, t.columns(), e.getKey());
      patch[i] = RowVersions.canonical(e.getValue(), t.columns().get(i), lake.allocator());
      patched[i] = true;
    }
    RowFilter rowFilter = Filters.bind(filter, t.columns());
    long count =
        t.changes().updateInlinedPending(rowFilter, t.columns(), lake.allocator(), patch, patched);
    if (t.resolved() == null) {
      return count;
    }
    var plan = ScanPlanner.plan(lake.catalog(), t.resolved(), t.columns(), rowFilter);
    List<RowLocator.MatchedRow> matches =
        RowLocator.locateRows(plan, rowFilter, lake.store(), lake.allocator());
    List<Object[]> versions = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (RowLocator.MatchedRow m : matches) {
      Object[] v = m.values().clone();
      for (int i = 0; i < v.length; i++) {
        if (patched[i]) {
          v[i] = patch[i];
        }
      }
      versions.add(v);
      ids.add(m.rowId());
    }
    replace(t, matches, versions, ids);
    return count + matches.size();
  }

  long update(String name, Map<String, ?> set, String filterSql) {
    return update(name, set, Expressions.parse(filterSql));
  }

  /**
   * Upserts a batch on key columns: rows whose keys match an existing row replace it (keeping its
   * row id), the others are inserted. Rows with a NULL key never match.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the batch holds a key twice
   */
  MergeResult merge(String name, VectorSchemaRoot batch, List<String> keyColumns) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
    rejectAfterFileAppend(table, t);
    if (keyColumns.isEmpty()) {
      throw QuacklakeException.invalid("merge into %s needs at least one key column", table);
    }
    int[] keys = keyColumns.stream().mapToInt(k -> columnIndex(table, t.columns(), k)).toArray();
    List<Object[]> incoming;
    try (BatchAligner.Aligned a =
        BatchAligner.align(table.toString(), batch, t.columns(), lake.allocator())) {
      incoming = rows(a.root());
    }
    Map<List<Object>, Integer> byKey = new java.util.HashMap<>();
    for (int r = 0; r < incoming.size(); r++) {
      List<Object> key = MergeKeys.of(incoming.get(r), keys);
      if (key != null && byKey.put(key, r) != null) {
        throw QuacklakeException.invalid(
            "the batch for %s holds the key %s twice; merge keys must be unique", table, key);
      }
    }
    boolean[] matched = new boolean[incoming.size()];
    List<RowLocator.MatchedRow> replaced = new ArrayList<>();
    List<Object[]> versions = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    if (t.resolved() != null && !byKey.isEmpty()) {
      RowFilter rowFilter =
          Filters.bind(MergeKeys.filter(t.columns(), keys, byKey.keySet()), t.columns());
      var plan = ScanPlanner.plan(lake.catalog(), t.resolved(), t.columns(), rowFilter);
      for (RowLocator.MatchedRow m :
          RowLocator.locateRows(plan, rowFilter, lake.store(), lake.allocator())) {
        Integer r = byKey.get(MergeKeys.of(m.values(), keys));
        if (r != null && !matched[r]) {
          matched[r] = true;
          replaced.add(m);
          versions.add(incoming.get(r));
          ids.add(m.rowId());
        }
      }
    }
    replace(t, replaced, versions, ids);
    List<Map<String, Object>> fresh = new ArrayList<>();
    for (int r = 0; r < incoming.size(); r++) {
      if (!matched[r]) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int c = 0; c < t.columns().size(); c++) {
          row.put(t.columns().get(c).name(), incoming.get(r)[c]);
        }
        fresh.add(row);
      }
    }
    if (!fresh.isEmpty()) {
      insert(name, fresh);
    }
    return new MergeResult(replaced.size(), fresh.size());
  }

  /** Deletes the old versions and adds the new ones with the same row ids. */
  private void replace(
      TransactionTables.Target t,
      List<RowLocator.MatchedRow> old,
      List<Object[]> versions,
      List<Long> ids) {
    if (old.isEmpty()) {
      return;
    }
    TableChanges changes = t.changes();
    Map<Long, List<Long>> positions = new java.util.LinkedHashMap<>();
    for (RowLocator.MatchedRow m : old) {
      if (m.dataFileId() != null) {
        positions.computeIfAbsent(m.dataFileId(), k -> new ArrayList<>()).add(m.position());
      } else {
        changes.deleteInlined(m.inlinedTable(), List.of(m.rowId()));
      }
    }
    positions.forEach(
        (file, p) ->
            changes.deletePositions(file, p.stream().mapToLong(Long::longValue).toArray()));
    int limit = t.inlining() ? lake.inliningLimit() : 0;
    if (versions.size() <= limit) {
      changes.addInlinedRows(versions, ids);
      return;
    }
    try (VectorSchemaRoot root = RowVersions.batch(t.columns(), versions, ids, lake.allocator())) {
      writeFiles(t, root, true);
    }
  }

  private void rejectAfterFileAppend(TableName table, TransactionTables.Target t) {
    if (!t.changes().files().isEmpty()) {
      throw QuacklakeException.unsupported(
          "changing rows of %s after appending files to it in the same transaction; commit the"
              + " append first",
          table);
    }
  }

  private static int columnIndex(TableName table, List<LakeColumn> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw QuacklakeException.invalid(
        "table %s has no column '%s'; its columns are %s",
        table, name, columns.stream().map(LakeColumn::name).toList());
  }

  long delete(String name, String filterSql) {
    return delete(name, Expressions.parse(filterSql));
  }

  private List<Object[]> rows(VectorSchemaRoot aligned) {
    List<Object[]> out = new ArrayList<>(aligned.getRowCount());
    List<FieldVector> vectors = aligned.getFieldVectors();
    for (int r = 0; r < aligned.getRowCount(); r++) {
      Object[] row = new Object[vectors.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = ArrowValues.get(vectors.get(c), r);
      }
      out.add(row);
    }
    return out;
  }
}
