package io.quacklake.internal.txn;

import io.quacklake.TableName;
import io.quacklake.internal.catalog.SchemaRecord;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.catalog.TableRecord;
import io.quacklake.internal.catalog.ViewRecord;
import io.quacklake.storage.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a transaction did before commit, against its base snapshot. Not thread-safe: a
 * transaction belongs to one thread.
 */
public final class TransactionState {
  final SnapshotRecord base;
  final Map<String, NewSchema> createdSchemas = new LinkedHashMap<>();
  final Map<String, SchemaRecord> droppedSchemas = new LinkedHashMap<>();
  final Map<TableName, NewTable> createdTables = new LinkedHashMap<>();
  final Map<Long, TableRecord> droppedTables = new LinkedHashMap<>();
  final Map<TableName, NewView> createdViews = new LinkedHashMap<>();
  final Map<Long, ViewRecord> droppedViews = new LinkedHashMap<>();

  /** {@code COMMENT ON}: the new comment (or null) of a table or view, by object id. */
  final Map<Long, java.util.Optional<String>> comments = new LinkedHashMap<>();

  /** {@code SET SORTED BY}: by table id, the new sort keys (empty: {@code RESET SORTED BY}). */
  final Map<Long, List<io.quacklake.SortField>> sortKeys = new LinkedHashMap<>();

  /** Which object ids in {@link #comments} are views. */
  final java.util.Set<Long> commentedViews = new java.util.HashSet<>();

  /** {@code COMMENT ON COLUMN}: by table id, the new comment (or null) by column id. */
  final Map<Long, Map<Long, java.util.Optional<String>>> columnComments = new LinkedHashMap<>();

  final Map<Long, TableName> renamedTables = new LinkedHashMap<>();
  final Map<Long, TableRecord> renamedFrom = new LinkedHashMap<>();
  final Map<Long, TableChanges> existingChanges = new LinkedHashMap<>();
  final Map<Long, List<ColumnChange>> alterations = new LinkedHashMap<>();
  final Map<Long, List<io.quacklake.PartitionField>> partitionings = new LinkedHashMap<>();
  final Map<TableName, TableChanges> newChanges = new LinkedHashMap<>();
  final List<Location> writtenFiles = new ArrayList<>();
  final List<MaintenanceStep> maintenance = new ArrayList<>();
  private java.time.Instant firstWrite;
  final Map<Long, String> knownSchemas = new LinkedHashMap<>();
  String author;
  String message;
  String extraInfo;

  /** Data files, rows added and rows deleted by this transaction: {files, added, deleted}. */
  public long[] rowCounts() {
    long files = 0;
    long added = 0;
    long deleted = 0;
    List<TableChanges> all = new ArrayList<>(existingChanges.values());
    all.addAll(newChanges.values());
    for (TableChanges c : all) {
      files += c.files.size();
      for (io.quacklake.internal.write.PendingDataFile f : c.files) {
        added += f.file().rowCount();
      }
      added += c.inlinedRows.size();
      for (java.util.TreeSet<Long> positions : c.fileDeletes.values()) {
        deleted += positions.size();
      }
      for (List<Long> ids : c.inlinedDeletes.values()) {
        deleted += ids.size();
      }
    }
    return new long[] {files, added, deleted};
  }

  public TransactionState(SnapshotRecord base) {
    this.base = base;
  }

  public SnapshotRecord base() {
    return base;
  }

  public void createSchema(NewSchema schema) {
    createdSchemas.put(schema.name(), schema);
  }

  /** A schema this transaction creates, or null. */
  public NewSchema newSchema(String name) {
    return createdSchemas.get(name);
  }

  public void dropSchema(SchemaRecord schema) {
    droppedSchemas.put(schema.name(), schema);
  }

  /** Remembers the id of a committed schema this transaction creates entries in. */
  public void knownSchema(long schemaId, String name) {
    knownSchemas.put(schemaId, name);
  }

  public void createTable(NewTable table) {
    createdTables.put(table.name(), table);
  }

  public boolean dropNewTable(TableName name) {
    newChanges.remove(name);
    return createdTables.remove(name) != null;
  }

  public void dropTable(TableRecord table) {
    droppedTables.put(table.tableId(), table);
    existingChanges.remove(table.tableId());
  }

  /** Sets the comment of an existing table or view (null removes it). */
  public void comment(long objectId, boolean view, String comment) {
    comments.put(objectId, java.util.Optional.ofNullable(comment));
    if (view) {
      commentedViews.add(objectId);
    }
  }

  /** The sort keys this transaction set for a table, if it did. */
  public java.util.Optional<List<io.quacklake.SortField>> sortKeysOf(long tableId) {
    return java.util.Optional.ofNullable(sortKeys.get(tableId));
  }

  /** Sets the sort keys of an existing table (empty resets them). */
  public void sortBy(long tableId, List<io.quacklake.SortField> keys) {
    sortKeys.put(tableId, List.copyOf(keys));
  }

  /** Sets the comment of a column of an existing table (null removes it). */
  public void commentColumn(long tableId, long columnId, String comment) {
    columnComments
        .computeIfAbsent(tableId, k -> new LinkedHashMap<>())
        .put(columnId, java.util.Optional.ofNullable(comment));
  }

  public void createView(NewView view) {
    createdViews.put(view.name(), view);
  }

  /** Forgets a view this transaction created; false if it did not create one by that name. */
  public boolean dropNewView(TableName name) {
    return createdViews.remove(name) != null;
  }

  public void dropView(ViewRecord view) {
    droppedViews.put(view.viewId(), view);
  }

  public boolean viewCreated(TableName name) {
    return createdViews.containsKey(name);
  }

  public boolean viewDropped(long viewId) {
    return droppedViews.containsKey(viewId);
  }

  public void renameTable(TableRecord table, TableName newName) {
    renamedTables.put(table.tableId(), newName);
    renamedFrom.putIfAbsent(table.tableId(), table);
  }

  private final Map<Long, Long> nextColumnIds = new LinkedHashMap<>();

  /** The next free column id of a table given the catalog's, counting ids this transaction used. */
  public long nextColumnId(long tableId, long fromCatalog) {
    return Math.max(fromCatalog, nextColumnIds.getOrDefault(tableId, 0L));
  }

  public void useColumnIds(long tableId, long next) {
    nextColumnIds.merge(tableId, next, Math::max);
  }

  /**
   * Whether {@code rows} may be inlined: at most {@code rowLimit} of them, and their values' bytes
   * together with those already inlined by this transaction, in any table, at most {@code
   * byteLimit}.
   */
  public boolean mayInline(List<Object[]> rows, int rowLimit, long byteLimit) {
    if (rows.size() > rowLimit) {
      return false;
    }
    long used = 0;
    for (TableChanges t : existingChanges.values()) {
      used += t.inlinedBytes();
    }
    for (TableChanges t : newChanges.values()) {
      used += t.inlinedBytes();
    }
    return used + InlinedBytes.of(rows) <= byteLimit;
  }

  /** Records an alteration of an existing table's columns. */
  public void alter(long tableId, ColumnChange change) {
    alterations.computeIfAbsent(tableId, k -> new ArrayList<>()).add(change);
  }

  /** Records a new partition spec for an existing table (empty: not partitioned any more). */
  public void partition(long tableId, List<io.quacklake.PartitionField> fields) {
    partitionings.put(tableId, List.copyOf(fields));
  }

  /** Whether this transaction changes the table's columns or partitioning. */
  public boolean changesSchemaOf(long tableId) {
    return alterations.containsKey(tableId) || partitionings.containsKey(tableId);
  }

  /** The alterations recorded for a table, in order (empty when none). */
  public List<ColumnChange> alterations(long tableId) {
    return alterations.getOrDefault(tableId, List.of());
  }

  /** Whether this transaction changed rows of an existing table. */
  public boolean changesRows(long tableId) {
    TableChanges t = existingChanges.get(tableId);
    return t != null && (t.inserts() || t.deletes());
  }

  public TableChanges changes(long tableId) {
    return existingChanges.computeIfAbsent(tableId, k -> new TableChanges());
  }

  public TableChanges changes(TableName newTable) {
    return newChanges.computeIfAbsent(newTable, k -> new TableChanges());
  }

  /** Adds a maintenance step (flush, merge, rewrite) to this commit. */
  public void maintain(MaintenanceStep step) {
    maintenance.add(step);
  }

  public void wrote(Location file) {
    wrote(file, java.time.Instant.now());
  }

  /**
   * Records a file this transaction publishes, written (begun) at {@code when}, maybe elsewhere.
   */
  public void wrote(Location file, java.time.Instant when) {
    if (firstWrite == null || when.isBefore(firstWrite)) {
      firstWrite = when;
    }
    writtenFiles.add(file);
  }

  /** Drops files (by location) from the changes and the written files, as if never added. */
  public void forgetFiles(java.util.Set<String> locations) {
    writtenFiles.removeIf(l -> locations.contains(l.value()));
    for (TableChanges t : existingChanges.values()) {
      t.files.removeIf(f -> locations.contains(f.file().location().value()));
    }
  }

  /** When this transaction wrote its first file, or null when it wrote none. */
  java.time.Instant firstWrite() {
    return firstWrite;
  }

  public List<Location> writtenFiles() {
    return writtenFiles;
  }

  public NewTable newTable(TableName name) {
    return createdTables.get(name);
  }

  public boolean schemaCreated(String name) {
    return createdSchemas.containsKey(name);
  }

  public boolean schemaDropped(String name) {
    return droppedSchemas.containsKey(name);
  }

  public boolean tableDropped(long tableId) {
    return droppedTables.containsKey(tableId);
  }

  public TableName renamedTo(long tableId) {
    return renamedTables.get(tableId);
  }

  public void commitMessage(String author, String message, String extraInfo) {
    this.author = author;
    this.message = message;
    this.extraInfo = extraInfo;
  }

  /** Whether the commit changes the catalog (bumps the schema version). */
  boolean changesCatalog() {
    return !createdSchemas.isEmpty()
        || !droppedSchemas.isEmpty()
        || !createdTables.isEmpty()
        || !droppedTables.isEmpty()
        || !createdViews.isEmpty()
        || !droppedViews.isEmpty()
        || !renamedTables.isEmpty()
        || !alterations.isEmpty()
        || !partitionings.isEmpty()
        || !comments.isEmpty()
        || !columnComments.isEmpty()
        || !sortKeys.isEmpty();
  }

  /**
   * The change log this state will most likely produce, before the commit decides how deletes are
   * stored (every positional delete counts as a delete from the table).
   */
  CommitSummary plannedChanges() {
    CommitSummary s = new CommitSummary();
    s.schemaNames.putAll(knownSchemas);
    droppedSchemas
        .values()
        .forEach(
            schema -> {
              s.droppedSchemas.add(schema.schemaId());
              s.schemaNames.put(schema.schemaId(), schema.name());
            });
    droppedTables.keySet().forEach(s.droppedTables::add);
    droppedViews.keySet().forEach(s.droppedViews::add);
    s.createdSchemas.addAll(createdSchemas.keySet());
    createdTables.keySet().forEach(t -> s.createdTables.add(new String[] {t.schema(), t.table()}));
    createdViews.keySet().forEach(v -> s.createdViews.add(new String[] {v.schema(), v.table()}));
    alterations.keySet().forEach(s.altered::add);
    partitionings.keySet().forEach(s.altered::add);
    sortKeys.keySet().forEach(s.altered::add);
    existingChanges.forEach(
        (id, t) -> {
          if (!t.files.isEmpty()) {
            s.insertedInto.add(id);
          }
          if (!t.inlinedRows.isEmpty()) {
            s.inlinedInsert.add(id);
          }
          if (!t.fileDeletes.isEmpty()) {
            s.deletedFrom.add(id);
            t.fileDeletes.keySet().forEach(f -> s.deletedDataFiles.put(f, id));
          }
          if (!t.inlinedDeletes.isEmpty()) {
            s.inlinedDelete.add(id);
          }
        });
    maintenance.forEach(step -> s.maintained(step.kind(), step.tableId()));
    return s;
  }

  public boolean isEmpty() {
    return maintenance.isEmpty()
        && !changesCatalog()
        && existingChanges.values().stream().noneMatch(t -> t.inserts() || t.deletes())
        && newChanges.isEmpty();
  }
}
