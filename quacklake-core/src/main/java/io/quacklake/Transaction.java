package io.quacklake;

import io.quacklake.catalog.InlinedDataGateway;
import io.quacklake.catalog.ObjectWrites;
import io.quacklake.catalog.SchemaRecord;
import io.quacklake.catalog.SnapshotRecord;
import io.quacklake.catalog.UuidV7;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.scan.Filters;
import io.quacklake.scan.ResolvedTable;
import io.quacklake.scan.RowFilter;
import io.quacklake.scan.RowLocator;
import io.quacklake.scan.ScanPlanner;
import io.quacklake.storage.Location;
import io.quacklake.txn.ColumnAlterations;
import io.quacklake.txn.ColumnChange;
import io.quacklake.txn.NewTable;
import io.quacklake.txn.TableChanges;
import io.quacklake.txn.TransactionState;
import io.quacklake.types.ArrowTypeMapping;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeWidening;
import io.quacklake.write.BatchAligner;
import io.quacklake.write.ColumnIds;
import io.quacklake.write.DataFileWriter;
import io.quacklake.write.PartitionKey;
import io.quacklake.write.PartitionSplit;
import io.quacklake.write.PendingDataFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A unit of work over one or more tables: its reads see its base snapshot, its writes become one
 * snapshot at {@link #commit()}, or nothing at {@link #rollback()} (files it wrote are removed). A
 * transaction belongs to one thread.
 *
 * <p>Within a transaction, deletes see the base snapshot plus rows this transaction inlined;
 * deleting from a table after appending Parquet files to it in the same transaction is not
 * supported yet.
 */
public final class Transaction implements AutoCloseable {
  private final Lake lake;
  private final TransactionState state;
  private boolean finished;

  Transaction(Lake lake, SnapshotRecord base) {
    this.lake = lake;
    this.state = new TransactionState(base);
  }

  /** The snapshot this transaction reads. */
  public long baseSnapshotId() {
    return state.base().snapshotId();
  }

  /** Author, message and extra information stored with the commit. */
  public Transaction commitMessage(String author, String message, String extraInfo) {
    state.commitMessage(author, message, extraInfo);
    return this;
  }

  public void createSchema(String name) {
    open();
    if (name == null || name.isBlank()) {
      throw QuacklakeException.invalid("a schema needs a name");
    }
    if (schemaAtBase(name) != null || state.schemaCreated(name)) {
      throw new QuacklakeException(ErrorKind.ALREADY_EXISTS, "schema " + name + " already exists");
    }
    state.createSchema(name);
  }

  /** Drops an empty schema. */
  public void dropSchema(String name) {
    open();
    SchemaRecord s = schemaAtBase(name);
    if (s == null || state.schemaDropped(name)) {
      throw QuacklakeException.notFound("schema %s does not exist", name);
    }
    boolean hasTables =
        lake.tables(baseSnapshotId()).stream()
            .anyMatch(t -> t.name().schema().equals(name) && !state.tableDropped(t.tableId()));
    if (hasTables) {
      throw QuacklakeException.invalid("schema %s still has tables; drop them first", name);
    }
    state.dropSchema(s);
  }

  /** Creates a table from DuckLake columns (ids are allocated here). */
  public void createTable(String name, List<LakeColumn> columns) {
    createTable(name, columns, List.of());
  }

  /** Creates a partitioned table (see {@link #setPartitioning}). */
  public void createTable(
      String name, List<LakeColumn> columns, List<PartitionField> partitioning) {
    open();
    TableName table = TableName.parse(name);
    if (columns.isEmpty()) {
      throw QuacklakeException.invalid("table %s needs at least one column", table);
    }
    if (exists(table)) {
      throw new QuacklakeException(ErrorKind.ALREADY_EXISTS, "table " + table + " already exists");
    }
    Location schemaDir = schemaDirectory(table.schema());
    UUID uuid = UuidV7.next();
    String path = (table.table().matches("[A-Za-z0-9_-]+") ? table.table() : uuid.toString()) + "/";
    List<LakeColumn> withIds = ColumnIds.assign(columns, 1);
    PartitionSpec.keys(withIds, partitioning, 0);
    state.createTable(
        new NewTable(table, uuid, withIds, path, schemaDir.resolve(path), partitioning));
  }

  /** Creates a table from an Arrow schema (see {@code docs/type-mapping.md}). */
  public void createTable(String name, Schema schema) {
    List<LakeColumn> columns = new ArrayList<>();
    for (Field f : schema.getFields()) {
      columns.add(ArrowTypeMapping.column(f));
    }
    createTable(name, columns);
  }

  public void dropTable(String name) {
    open();
    TableName table = TableName.parse(name);
    if (state.dropNewTable(table)) {
      return;
    }
    state.dropTable(existing(table).table());
  }

  public void renameTable(String name, String newName) {
    open();
    TableName from = TableName.parse(name);
    TableName to = new TableName(from.schema(), newName);
    if (state.newTable(from) != null) {
      throw QuacklakeException.unsupported(
          "renaming table %s created in the same transaction; create it under its final name",
          from);
    }
    if (exists(to)) {
      throw new QuacklakeException(ErrorKind.ALREADY_EXISTS, "table " + to + " already exists");
    }
    state.renameTable(existing(from).table(), to);
  }

  /**
   * Adds a top-level column (nullable unless declared otherwise, with an optional default given as
   * DuckDB text in {@code initialDefault}/{@code defaultValue}); rows written before read as the
   * default. The column's id is one past the largest id the table ever used.
   */
  public void addColumn(String name, LakeColumn column) {
    Altered t = altered(name);
    if (find(t.columns(), column.name()) != null) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS,
          "table " + t.name() + " already has a column named " + column.name());
    }
    long first =
        Math.max(
                ColumnIds.maxId(t.columns()),
                lake.catalog()
                    .read(
                        "column ids of " + t.name(),
                        c -> ObjectWrites.maxColumnId(c, t.table().table().tableId())))
            + 1;
    LakeColumn withIds =
        ColumnIds.assign(
                List.of(column),
                Math.max(first, state.nextColumnId(t.table().table().tableId(), first)))
            .get(0);
    state.useColumnIds(t.table().table().tableId(), ColumnIds.maxId(List.of(withIds)) + 1);
    state.alter(t.table().table().tableId(), new ColumnChange.Add(withIds));
  }

  /** Drops a top-level column and its nested fields. */
  public void dropColumn(String name, String column) {
    Altered t = altered(name);
    LakeColumn c = existingColumn(t, column);
    if (t.columns().size() == 1) {
      throw QuacklakeException.invalid("cannot drop %s, the only column of %s", column, t.name());
    }
    state.alter(t.table().table().tableId(), new ColumnChange.Drop(c));
  }

  /** Renames a top-level column; its id, type and data stay. */
  public void renameColumn(String name, String column, String newName) {
    Altered t = altered(name);
    LakeColumn c = existingColumn(t, column);
    if (find(t.columns(), newName) != null) {
      throw new QuacklakeException(
          ErrorKind.ALREADY_EXISTS, "table " + t.name() + " already has a column named " + newName);
    }
    state.alter(t.table().table().tableId(), new ColumnChange.Rename(c, newName));
  }

  /**
   * Widens a top-level column's type as DuckDB allows (to a wider integer, or to a floating type
   * that holds every value); files keep their old physical type and are cast when read.
   */
  public void setColumnType(String name, String column, LakeType type) {
    Altered t = altered(name);
    LakeColumn c = existingColumn(t, column);
    if (!TypeWidening.allowed(c.type(), type)) {
      throw QuacklakeException.invalid(
          "cannot change %s.%s from %s to %s: only widening changes are allowed (e.g. INTEGER to"
              + " BIGINT, FLOAT to DOUBLE)",
          t.name(), column, c.type(), type);
    }
    state.alter(t.table().table().tableId(), new ColumnChange.SetType(c, type));
  }

  /**
   * Partitions the table's future files by these keys ({@code identity}, {@code year}, {@code
   * month}, {@code day}, {@code hour} of top-level columns); an empty list removes partitioning.
   * Existing files keep their layout.
   */
  public void setPartitioning(String name, List<PartitionField> keys) {
    Altered t = altered(name);
    PartitionSpec.keys(t.columns(), keys, 0);
    state.partition(t.table().table().tableId(), keys);
  }

  /** An existing table being altered, with its columns after the alterations so far. */
  private record Altered(TableName name, ResolvedTable table, List<LakeColumn> columns) {}

  private Altered altered(String name) {
    open();
    TableName table = TableName.parse(name);
    if (state.newTable(table) != null) {
      throw QuacklakeException.unsupported(
          "altering table %s created in the same transaction; create it with its final columns",
          table);
    }
    ResolvedTable t = existing(table);
    long id = t.table().tableId();
    if (state.changesRows(id)) {
      throw QuacklakeException.unsupported(
          "altering table %s after changing its rows in the same transaction; commit first", table);
    }
    return new Altered(table, t, ColumnAlterations.apply(t.columns(), state.alterations(id)));
  }

  private static LakeColumn find(List<LakeColumn> columns, String name) {
    for (LakeColumn c : columns) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }

  private static LakeColumn existingColumn(Altered t, String column) {
    LakeColumn c = find(t.columns(), column);
    if (c == null) {
      throw QuacklakeException.notFound(
          "table %s has no column %s; its columns are %s",
          t.name(), column, t.columns().stream().map(LakeColumn::name).toList());
    }
    return c;
  }

  /** Appends the rows of a batch (columns matched by name; see {@link BatchAligner}). */
  public void append(String name, VectorSchemaRoot batch) {
    open();
    TableName table = TableName.parse(name);
    Target t = target(table);
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

  private void writeFiles(Target t, VectorSchemaRoot root, boolean embeddedRowIds) {
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
  public void insert(String name, List<? extends Map<String, ?>> rows) {
    open();
    TableName table = TableName.parse(name);
    Target t = target(table);
    try (VectorSchemaRoot root = RowBatches.build(table, t.columns(), rows, lake.allocator())) {
      append(name, root);
    }
  }

  /**
   * Deletes the rows matching {@code filter}; returns how many.
   *
   * @throws QuacklakeException UNSUPPORTED after appending files to the table in this transaction
   */
  public long delete(String name, Expression filter) {
    open();
    TableName table = TableName.parse(name);
    Target t = target(table);
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
  public long update(String name, Map<String, ?> set, Expression filter) {
    open();
    TableName table = TableName.parse(name);
    Target t = target(table);
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

  public long update(String name, Map<String, ?> set, String filterSql) {
    return update(name, set, Expressions.parse(filterSql));
  }

  /**
   * Upserts a batch on key columns: rows whose keys match an existing row replace it (keeping its
   * row id), the others are inserted. Rows with a NULL key never match.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the batch holds a key twice
   */
  public MergeResult merge(String name, VectorSchemaRoot batch, List<String> keyColumns) {
    open();
    TableName table = TableName.parse(name);
    Target t = target(table);
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
      Target t, List<RowLocator.MatchedRow> old, List<Object[]> versions, List<Long> ids) {
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

  private void rejectAfterFileAppend(TableName table, Target t) {
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

  public long delete(String name, String filterSql) {
    return delete(name, Expressions.parse(filterSql));
  }

  /**
   * Commits everything as one snapshot.
   *
   * @throws QuacklakeException CONFLICT when a concurrent commit conflicts (nothing is left behind;
   *     retry the transaction)
   */
  public Snapshot commit() {
    open();
    finished = true;
    if (state.isEmpty()) {
      return lake.snapshot(baseSnapshotId());
    }
    try {
      return lake.commit(state);
    } catch (QuacklakeException e) {
      if (e.kind() != ErrorKind.COMMIT_STATE_UNKNOWN) {
        lake.removeFiles(state.writtenFiles());
      }
      throw e;
    }
  }

  /** Discards everything and removes the files this transaction wrote. */
  public void rollback() {
    if (!finished) {
      finished = true;
      lake.removeFiles(state.writtenFiles());
    }
  }

  @Override
  public void close() {
    rollback();
  }

  private void open() {
    if (finished) {
      throw new IllegalStateException("transaction is already committed or rolled back");
    }
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

  private SchemaRecord schemaAtBase(String name) {
    for (SchemaRecord s : lake.objects().schemas(baseSnapshotId())) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  private Location schemaDirectory(String schema) {
    if (state.schemaCreated(schema)) {
      return lake.paths()
          .root()
          .resolve(schema.matches("[A-Za-z0-9_-]+") ? schema + "/" : UuidV7.next() + "/");
    }
    SchemaRecord s = schemaAtBase(schema);
    if (s == null || state.schemaDropped(schema)) {
      throw QuacklakeException.notFound("schema %s does not exist; create it first", schema);
    }
    state.knownSchema(s.schemaId(), s.name());
    return lake.paths().schemaDir(s);
  }

  private boolean exists(TableName name) {
    if (state.newTable(name) != null) {
      return true;
    }
    try {
      existing(name);
      return true;
    } catch (QuacklakeException e) {
      return false;
    }
  }

  private ResolvedTable existing(TableName name) {
    for (Map.Entry<Long, TableName> e : renamedView().entrySet()) {
      if (e.getValue().equals(name)) {
        return lake.table(
                lake.tables(baseSnapshotId()).stream()
                    .filter(t -> t.tableId() == e.getKey())
                    .findFirst()
                    .orElseThrow()
                    .name())
            .resolve(baseSnapshotId());
      }
    }
    ResolvedTable t = lake.table(name).resolve(baseSnapshotId());
    long id = t.table().tableId();
    if (state.tableDropped(id) || state.renamedTo(id) != null) {
      throw QuacklakeException.notFound("table %s does not exist in this transaction", name);
    }
    return t;
  }

  private Map<Long, TableName> renamedView() {
    Map<Long, TableName> out = new java.util.HashMap<>();
    for (TableInfo t : lake.tables(baseSnapshotId())) {
      TableName to = state.renamedTo(t.tableId());
      if (to != null) {
        out.put(t.tableId(), to);
      }
    }
    return out;
  }

  private Target target(TableName name) {
    NewTable created = state.newTable(name);
    if (created != null) {
      return new Target(
          null,
          created.columns(),
          created.directory(),
          state.changes(name),
          lake.inliningLimit() > 0,
          PartitionSpec.keys(created.columns(), created.partitioning(), 0));
    }
    ResolvedTable t = existing(name);
    if (state.changesSchemaOf(t.table().tableId())) {
      throw QuacklakeException.unsupported(
          "changing rows of %s after altering it in the same transaction; commit the alteration"
              + " first",
          name);
    }
    boolean inlining =
        lake.catalog()
            .read(
                "inlined tables of " + name,
                c -> !InlinedDataGateway.inlinedTables(c, t.table().tableId()).isEmpty());
    return new Target(
        t,
        t.columns(),
        t.directory(),
        state.changes(t.table().tableId()),
        inlining,
        PartitionSpec.keys(t.columns(), lake.table(name).partitioning(baseSnapshotId()), 0));
  }

  /** A table as this transaction writes it. */
  private record Target(
      ResolvedTable resolved,
      List<LakeColumn> columns,
      Location directory,
      TableChanges changes,
      boolean inlining,
      List<PartitionKey> partitionKeys) {}
}
