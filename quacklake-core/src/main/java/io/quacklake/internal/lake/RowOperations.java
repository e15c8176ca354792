package io.quacklake.internal.lake;

import io.quacklake.MergeResult;
import io.quacklake.RowLocations;
import io.quacklake.TableName;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.expr.Literal;
import io.quacklake.internal.catalog.InlinedRows;
import io.quacklake.internal.expr.scalar.Rows;
import io.quacklake.internal.expr.scalar.Scalar;
import io.quacklake.internal.expr.scalar.ScalarBinder;
import io.quacklake.internal.scan.FileTask;
import io.quacklake.internal.scan.Filters;
import io.quacklake.internal.scan.RowFilter;
import io.quacklake.internal.scan.RowLocator;
import io.quacklake.internal.scan.ScanPlan;
import io.quacklake.internal.txn.TableChanges;
import io.quacklake.internal.txn.TransactionState;
import io.quacklake.internal.write.BatchAligner;
import io.quacklake.internal.write.DataFileWriter;
import io.quacklake.internal.write.NotNullColumns;
import io.quacklake.internal.write.PendingDataFile;
import io.quacklake.internal.write.RowSorter;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The row-changing statements of a transaction: append, insert, delete, update and merge, each
 * writing files or recording rows and positions in the transaction's state.
 */
public final class RowOperations {
  private final LakeContext lake;
  private final TransactionState state;
  private final TransactionTables tables;
  private final TransactionWrites writes;
  private final Map<Long, List<io.quacklake.SortField>> baseSortKeys = new java.util.HashMap<>();
  private final OpenDataFiles openFiles = new OpenDataFiles();

  public RowOperations(
      LakeContext lake,
      TransactionState state,
      TransactionTables tables,
      TransactionWrites writes) {
    this.lake = lake;
    this.state = state;
    this.tables = tables;
    this.writes = writes;
  }

  /** Appends the rows of a batch (columns matched by name; see {@link BatchAligner}). */
  public void append(String name, VectorSchemaRoot batch) {
    append(name, batch, false);
  }

  /**
   * Appends the rows of a batch into the table's open data file, which stays open for the next
   * batch until {@link #seal} (an appender's rows).
   */
  public void appendOpen(String name, VectorSchemaRoot batch) {
    append(name, batch, true);
  }

  private void append(String name, VectorSchemaRoot batch, boolean open) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
    if (batch.getRowCount() == 0) {
      return;
    }
    try (BatchAligner.Aligned a =
            BatchAligner.align(table.toString(), batch, t.columns(), lake.allocator());
        VectorSchemaRoot sorted = sortedForInsert(t, a.root())) {
      VectorSchemaRoot aligned = sorted != null ? sorted : a.root();
      if (t.inlining()
          && aligned.getRowCount() <= writes.settings(t.schemaId(), t.tableId()).inliningLimit()) {
        List<Object[]> rows = rows(aligned);
        if (mayInline(t, rows)) {
          t.changes().addInlinedRows(rows);
          return;
        }
      }
      if (open && t.partitionKeys().isEmpty()) {
        openFiles.append(t, writes.files(writes.settings(t.schemaId(), t.tableId())), aligned);
      } else {
        writeFiles(t, aligned, false);
      }
    }
  }

  /**
   * Finishes the files appenders keep open and registers them; call before anything else reads or
   * changes the transaction (reads of its own rows, deletes, alterations, the commit).
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT when an appender failed
   *     after rows of it were written: they are lost, so the transaction must be rolled back
   */
  public void seal() {
    openFiles.seal();
  }

  /** Gives up the files appenders keep open (the transaction rolls back). */
  public void abandon() {
    openFiles.abandon();
  }

  /**
   * The rows in the table's sort order when it has one and {@code sort_on_insert} is on; null when
   * they stay as they are (also when a key, set by another engine, is not one Quacklake evaluates:
   * the order of rows is layout, never content).
   */
  private VectorSchemaRoot sortedForInsert(TransactionTables.Target t, VectorSchemaRoot root) {
    if (root.getRowCount() < 2
        || t.tableId() == null
        || !writes.settings(t.schemaId(), t.tableId()).sortOnInsert()) {
      return null;
    }
    // the base snapshot's keys, read once per table and transaction
    List<io.quacklake.SortField> keys =
        state
            .sortKeysOf(t.tableId())
            .orElseGet(
                () ->
                    baseSortKeys.computeIfAbsent(
                        t.tableId(), id -> lake.tables().sortKeys(id, state.base().snapshotId())));
    if (keys.isEmpty()) {
      return null;
    }
    List<RowSorter.Key> bound;
    try {
      bound = RowSorter.bind(t.columns(), keys);
    } catch (QuacklakeException e) {
      return null;
    }
    return RowSorter.sort(root, bound, lake.allocator());
  }

  void writeFiles(TransactionTables.Target t, VectorSchemaRoot root, boolean embeddedRowIds) {
    if (!t.partitionKeys().isEmpty() && !embeddedRowIds) {
      DataFileWriter.writePartitioned(
          writes.files(writes.settings(t.schemaId(), t.tableId())),
          t.directory(),
          t.columns(),
          t.partitionKeys(),
          root,
          lake.allocator(),
          t.changes()::addFile);
      return;
    }
    for (PendingDataFile file :
        DataFileWriter.write(
            writes.files(writes.settings(t.schemaId(), t.tableId())),
            t.directory(),
            t.columns(),
            root,
            embeddedRowIds)) {
      t.changes().addFile(file);
    }
  }

  /**
   * Appends rows given as plain Java values (see {@link io.quacklake.types.LakeValues}), keyed by
   * column name. A missing column takes its default (or NULL); an unknown name is an error.
   */
  public void insert(String name, List<? extends Map<String, ?>> rows) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
    try (VectorSchemaRoot root = RowBatches.build(table, t.columns(), rows, lake.allocator())) {
      append(name, root);
    }
  }

  /** Deletes the rows matching {@code filter}, including rows this transaction wrote. */
  public long delete(String name, Expression filter) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
    RowFilter rowFilter = Filters.bind(filter, t.columns());
    List<LakeColumn> read = new ArrayList<>();
    for (LakeColumn c : t.columns()) {
      if (rowFilter.columnIds().contains(c.id())) {
        read.add(c);
      }
    }
    RowLocator.Located hits =
        RowLocator.locate(
            plan(t, read, rowFilter), read, rowFilter, lake.store(), lake.allocator());
    TableChanges changes = t.changes();
    Map<Integer, List<Long>> own = new TreeMap<>();
    hits.filePositions()
        .forEach(
            (file, positions) -> {
              if (file < 0) {
                own.put(
                    TransactionPlans.pendingFileIndex(file),
                    LongStream.of(positions).boxed().toList());
              } else {
                changes.deletePositions(file, positions);
              }
            });
    hits.inlinedRowIds()
        .forEach(
            (inlinedTable, ids) -> {
              if (inlinedTable.equals(TableChanges.PENDING_INLINED)) {
                changes.removePendingInlined(ids);
              } else {
                changes.deleteInlined(inlinedTable, ids);
              }
            });
    rewriter(t).removeRows(own);
    return hits.count();
  }

  /**
   * Deletes rows by where a scan of this transaction's base snapshot found them.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a data file or inlined row the table does not
   *     hold at the base snapshot, or a position past a file's end
   */
  public long deleteRows(String name, RowLocations rows) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
    ScanPlan plan = plan(t, List.of(), RowFilter.ALL);
    long snapshot = state.base().snapshotId();
    Map<Long, Long> recordCounts = new java.util.HashMap<>();
    for (FileTask f : plan.files()) {
      recordCounts.put(f.file().dataFileId(), f.file().recordCount());
    }
    TableChanges changes = t.changes();
    long count = 0;
    for (Map.Entry<Long, long[]> e : rows.filePositions().entrySet()) {
      Long records = recordCounts.get(e.getKey());
      if (records == null) {
        throw QuacklakeException.invalid(
            "data file %d is not a file of table %s at snapshot %d; locate the rows with a scan"
                + " of that snapshot",
            e.getKey(), table, snapshot);
      }
      long[] positions = e.getValue();
      if (positions.length > 0
          && (positions[0] < 0 || positions[positions.length - 1] >= records)) {
        throw QuacklakeException.invalid(
            "data file %d of table %s has %d rows; position %d is outside it",
            e.getKey(),
            table,
            records,
            positions[0] < 0 ? positions[0] : positions[positions.length - 1]);
      }
      changes.deletePositions(e.getKey(), positions);
      count += positions.length;
    }
    long[] ids = rows.inlinedRowIds();
    if (ids.length > 0) {
      Map<Long, String> holder = new java.util.HashMap<>();
      for (InlinedRows r : plan.inlined()) {
        if (!r.tableName().equals(TableChanges.PENDING_INLINED)) {
          for (long id : r.rowIds()) {
            holder.put(id, r.tableName());
          }
        }
      }
      Map<String, List<Long>> byTable = new TreeMap<>();
      for (long id : ids) {
        String inlinedTable = holder.get(id);
        if (inlinedTable == null) {
          throw QuacklakeException.invalid(
              "table %s holds no inlined row with id %d at snapshot %d", table, id, snapshot);
        }
        byTable.computeIfAbsent(inlinedTable, k -> new ArrayList<>()).add(id);
      }
      byTable.forEach(changes::deleteInlined);
      count += ids.length;
    }
    return count;
  }

  /**
   * Sets columns of the rows matching {@code filter} to new values, keeping each committed row's id
   * (a delete of the old version plus an insert of the new one); returns how many rows changed.
   *
   * @param set column name → new value: a plain Java value of the column's type, null, or an {@link
   *     Expression} computed from the row's values before the update
   */
  public long update(String name, Map<String, ?> set, Expression filter) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
    List<LakeColumn> columns = t.columns();
    Object[] patch = new Object[columns.size()];
    boolean[] patched = new boolean[patch.length];
    Scalar[] computed = new Scalar[patch.length];
    java.time.Instant now =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    for (Map.Entry<String, ?> e : set.entrySet()) {
      int i = columnIndex(table, columns, e.getKey());
      Object value = e.getValue() instanceof Literal l ? l.value() : e.getValue();
      if (value instanceof Expression expression) {
        computed[i] = ScalarBinder.assignment(expression, columns, columns.get(i), now);
      } else {
        patch[i] = RowVersions.canonical(value, columns.get(i), lake.allocator());
      }
      patched[i] = true;
    }
    RowFilter rowFilter = Filters.bind(filter, columns);
    List<RowLocator.MatchedRow> matches =
        RowLocator.locateRows(
            plan(t, columns, rowFilter), rowFilter, lake.store(), lake.allocator());
    Object[][] results = computedValues(computed, matches);
    List<Object[]> versions = new ArrayList<>();
    for (int r = 0; r < matches.size(); r++) {
      Object[] v = matches.get(r).values().clone();
      for (int i = 0; i < v.length; i++) {
        if (computed[i] != null) {
          v[i] = RowVersions.canonical(results[i][r], columns.get(i), lake.allocator());
        } else if (patched[i]) {
          v[i] = patch[i];
        }
      }
      versions.add(v);
    }
    replace(table, t, matches, versions);
    return matches.size();
  }

  /**
   * The values of the computed assignments for each matched row, all from the rows' values before
   * the update ({@code SET a = b, b = a} swaps); {@code results[column][row]}.
   */
  private static Object[][] computedValues(Scalar[] computed, List<RowLocator.MatchedRow> matches) {
    Object[][] results = new Object[computed.length][];
    if (matches.isEmpty()
        || java.util.Arrays.stream(computed).allMatch(java.util.Objects::isNull)) {
      return results;
    }
    Object[][] byColumn = new Object[computed.length][matches.size()];
    for (int r = 0; r < matches.size(); r++) {
      Object[] v = matches.get(r).values();
      for (int c = 0; c < v.length; c++) {
        byColumn[c][r] = v[c];
      }
    }
    Rows rows = Rows.ofValues(byColumn, matches.size());
    for (int c = 0; c < computed.length; c++) {
      if (computed[c] != null) {
        results[c] = computed[c].evaluate(rows);
      }
    }
    return results;
  }

  /**
   * Upserts a batch on key columns: rows whose keys match an existing row replace it (keeping its
   * row id), the others are inserted. Rows with a NULL key never match.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the batch holds a key twice
   */
  public MergeResult merge(String name, VectorSchemaRoot batch, List<String> keyColumns) {
    TableName table = TableName.parse(name);
    TransactionTables.Target t = tables.target(table);
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
    if (!byKey.isEmpty()) {
      RowFilter rowFilter =
          Filters.bind(MergeKeys.filter(t.columns(), keys, byKey.keySet()), t.columns());
      for (RowLocator.MatchedRow m :
          RowLocator.locateRows(
              plan(t, t.columns(), rowFilter), rowFilter, lake.store(), lake.allocator())) {
        Integer r = byKey.get(MergeKeys.of(m.values(), keys));
        if (r != null && !matched[r]) {
          matched[r] = true;
          replaced.add(m);
          versions.add(incoming.get(r));
        }
      }
    }
    replace(table, t, replaced, versions);
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

  private ScanPlan plan(TransactionTables.Target t, List<LakeColumn> read, RowFilter filter) {
    return TransactionPlans.plan(lake, t, state.base().snapshotId(), read, filter);
  }

  /**
   * Replaces matched rows by new versions. Committed rows keep their row ids (a delete of the old
   * version plus an insert of the new one); rows this transaction wrote are changed in place or
   * rewritten, since no one else has seen them.
   */
  private void replace(
      TableName table,
      TransactionTables.Target t,
      List<RowLocator.MatchedRow> old,
      List<Object[]> versions) {
    if (old.isEmpty()) {
      return;
    }
    NotNullColumns.check(table.toString(), t.columns(), versions);
    TableChanges changes = t.changes();
    Map<Long, List<Long>> positions = new java.util.LinkedHashMap<>();
    Map<Integer, List<Long>> own = new TreeMap<>();
    List<Object[]> kept = new ArrayList<>();
    List<Long> keptIds = new ArrayList<>();
    List<Object[]> fresh = new ArrayList<>();
    for (int i = 0; i < old.size(); i++) {
      RowLocator.MatchedRow m = old.get(i);
      Object[] v = versions.get(i);
      if (m.dataFileId() == null) {
        if (m.inlinedTable().equals(TableChanges.PENDING_INLINED)) {
          changes.setPendingInlined(m.rowId(), v);
          continue;
        }
        changes.deleteInlined(m.inlinedTable(), List.of(m.rowId()));
      } else if (m.dataFileId() < 0) {
        int index = TransactionPlans.pendingFileIndex(m.dataFileId());
        own.computeIfAbsent(index, k -> new ArrayList<>()).add(m.position());
        if (!changes.files().get(index).embeddedRowIds()) {
          fresh.add(v);
          continue;
        }
      } else {
        positions.computeIfAbsent(m.dataFileId(), k -> new ArrayList<>()).add(m.position());
      }
      kept.add(v);
      keptIds.add(m.rowId());
    }
    positions.forEach(
        (file, p) ->
            changes.deletePositions(file, p.stream().mapToLong(Long::longValue).toArray()));
    rewriter(t).removeRows(own);
    if (!kept.isEmpty() && mayInline(t, kept)) {
      changes.addInlinedRows(kept, keptIds);
    } else if (!kept.isEmpty()) {
      try (VectorSchemaRoot root =
          RowVersions.batch(t.columns(), kept, keptIds, lake.allocator())) {
        writeFiles(t, root, true);
      }
    }
    if (!fresh.isEmpty() && mayInline(t, fresh)) {
      changes.addInlinedRows(fresh);
    } else if (!fresh.isEmpty()) {
      try (VectorSchemaRoot root = ArrowRows.of(t.columns(), fresh, lake.allocator())) {
        writeFiles(t, root, false);
      }
    }
  }

  /**
   * Whether rows go into the catalog rather than a Parquet file: the table inlines, and they stay
   * within the catalog's row limit and, with what this transaction inlined before, within {@link
   * io.quacklake.LakeOptions#inlineByteLimit}.
   */
  private boolean mayInline(TransactionTables.Target t, List<Object[]> rows) {
    // VARIANT values go to Parquet files: catalogs inline them in DuckDB's own encodings
    return t.inlining()
        && t.columns().stream().noneMatch(c -> c.type().id() == io.quacklake.types.TypeId.VARIANT)
        && state.mayInline(
            rows,
            writes.settings(t.schemaId(), t.tableId()).inliningLimit(),
            lake.options().inlineByteLimit());
  }

  private OwnFileRewrite rewriter(TransactionTables.Target t) {
    return new OwnFileRewrite(lake, state, t, writes);
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

  public long delete(String name, String filterSql) {
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
