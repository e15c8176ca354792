package io.quacklake.internal.txn;

import io.quacklake.TableName;
import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.ColumnTree;
import io.quacklake.internal.catalog.ObjectGateway;
import io.quacklake.internal.catalog.ObjectWrites;
import io.quacklake.internal.catalog.SchemaRecord;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.catalog.SnapshotWrites;
import io.quacklake.internal.catalog.SortWrites;
import io.quacklake.internal.catalog.TableRecord;
import io.quacklake.internal.catalog.TagWrites;
import io.quacklake.internal.catalog.ViewRecord;
import io.quacklake.types.LakeColumn;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a transaction's state as one new snapshot, inside an open catalog write transaction whose
 * latest snapshot is {@code latest}: allocates ids from the latest counters, writes every catalog
 * row, and finally inserts the snapshot and its change log. A failing catalog statement ends the
 * catalog write, which classifies it (a duplicate snapshot id means another writer won).
 */
final class CommitExecutor {
  private final CatalogSession c;
  private final TransactionState state;
  private final CommitIo io;
  private final long snapshot;
  private final long schemaVersion;
  private long nextCatalogId;
  private long nextFileId;
  private final CommitSummary summary = new CommitSummary();
  private final Map<String, Long> schemaIds = new HashMap<>();

  CommitExecutor(CatalogSession c, TransactionState state, SnapshotRecord latest, CommitIo io) {
    this.c = c;
    this.state = state;
    this.io = io;
    this.snapshot = latest.snapshotId() + 1;
    this.schemaVersion = latest.schemaVersion() + (state.changesCatalog() ? 1 : 0);
    this.nextCatalogId = latest.nextCatalogId();
    this.nextFileId = latest.nextFileId();
  }

  long snapshot() {
    return snapshot;
  }

  CommitSummary summary() {
    return summary;
  }

  /** Writes every catalog row except the snapshot and its change log. */
  void apply() {
    dropTables();
    dropViews();
    dropSchemas();
    createSchemas();
    Map<TableName, Long> newIds = createTables();
    createViews();
    renameTables();
    comments();
    sortKeys();
    java.util.Set<Long> changedSchemas = new java.util.LinkedHashSet<>(state.alterations.keySet());
    changedSchemas.addAll(state.partitionings.keySet());
    for (long tableId : changedSchemas) {
      AlterCommit.applyColumns(c, tableId, state.alterations(tableId), snapshot);
      renameSortKeys(tableId);
      if (state.partitionings.containsKey(tableId)) {
        List<LakeColumn> now =
            ColumnTree.build(tableId, ObjectGateway.columns(c, tableId, snapshot));
        partition(tableId, now, state.partitionings.get(tableId));
      }
      AlterCommit.recordSchemaChange(
          c, tableId, snapshot, schemaVersion, io.inliningLimit(tableId), summary);
    }
    DataCommit data = new DataCommit(c, io, snapshot, summary, this::nextFileId);
    for (Map.Entry<Long, TableChanges> e : state.existingChanges.entrySet()) {
      long tableId = e.getKey();
      List<LakeColumn> columns =
          ColumnTree.build(tableId, ObjectGateway.columns(c, tableId, snapshot - 1));
      data.apply(
          tableId,
          columns,
          e.getValue(),
          io.tableDirectory(tableId),
          ObjectWrites.currentPartitionId(c, tableId));
    }
    for (Map.Entry<TableName, TableChanges> e : state.newChanges.entrySet()) {
      NewTable t = state.createdTables.get(e.getKey());
      long id = newIds.get(e.getKey());
      data.apply(
          id, t.columns(), e.getValue(), t.directory(), ObjectWrites.currentPartitionId(c, id));
    }
    MaintenanceCommit commit = new MaintenanceCommit(c, io, snapshot, this::nextFileId, summary);
    for (MaintenanceStep step : state.maintenance) {
      step.apply(commit);
      summary.maintained(step.kind(), step.tableId());
    }
  }

  /** Inserts the snapshot row and its change log; returns the snapshot. */
  SnapshotRecord finish() {
    String changesMade = summary.changes().toText();
    SnapshotRecord row =
        new SnapshotRecord(
            snapshot,
            Instant.now(),
            schemaVersion,
            nextCatalogId,
            nextFileId,
            changesMade,
            state.author,
            state.message,
            state.extraInfo);
    SnapshotWrites.insertSnapshot(c, row);
    return row;
  }

  /** Starts a partition spec (ids from next_catalog_id) or ends the current one (empty). */
  private void partition(
      long tableId, List<LakeColumn> columns, List<io.quacklake.PartitionField> fields) {
    List<long[]> ids = new java.util.ArrayList<>();
    List<String> transforms = new java.util.ArrayList<>();
    for (io.quacklake.PartitionField f : fields) {
      LakeColumn col =
          columns.stream()
              .filter(x -> x.name().equalsIgnoreCase(f.column()))
              .findFirst()
              .orElseThrow(() -> c.failure("partition column " + f.column() + " is gone"));
      ids.add(new long[] {col.id()});
      transforms.add(f.transform());
    }
    ObjectWrites.setPartitioning(
        c, tableId, fields.isEmpty() ? null : nextCatalogId++, ids, transforms, snapshot);
  }

  private long nextFileId() {
    return nextFileId++;
  }

  private void dropTables() {
    for (TableRecord t : state.droppedTables.values()) {
      ObjectWrites.dropTable(c, t.tableId(), snapshot);
      summary.droppedTables.add(t.tableId());
    }
  }

  private void dropViews() {
    for (ViewRecord v : state.droppedViews.values()) {
      ObjectWrites.endView(c, v.viewId(), snapshot);
      summary.droppedViews.add(v.viewId());
    }
  }

  /** {@code SET/RESET SORTED BY} as DuckDB commits it: a new sort row, the table altered. */
  private void sortKeys() {
    state.sortKeys.forEach(
        (tableId, keys) -> {
          // keys set before a rename in the same transaction follow it
          List<io.quacklake.SortField> now = SortKeyNames.renamed(keys, state.alterations(tableId));
          SortWrites.set(c, tableId, now.isEmpty() ? null : nextCatalogId++, now, snapshot);
          summary.altered.add(tableId);
        });
  }

  /** A renamed column keeps its place in the sort keys, as DuckDB renames it there. */
  private void renameSortKeys(long tableId) {
    if (state.sortKeys.containsKey(tableId)) {
      return;
    }
    List<io.quacklake.SortField> keys = SortWrites.current(c, tableId, snapshot - 1);
    List<io.quacklake.SortField> renamed = SortKeyNames.renamed(keys, state.alterations(tableId));
    if (renamed != keys) {
      SortWrites.set(c, tableId, nextCatalogId++, renamed, snapshot);
    }
  }

  /** {@code COMMENT ON} as DuckDB commits it: tags, and the object logged as altered. */
  private void comments() {
    state.comments.forEach(
        (id, comment) -> {
          TagWrites.setTag(c, id, "comment", comment.orElse(null), snapshot);
          if (state.commentedViews.contains(id)) {
            summary.alteredViews.add(id);
          } else {
            summary.altered.add(id);
          }
        });
    state.columnComments.forEach(
        (tableId, columns) -> {
          columns.forEach(
              (columnId, comment) ->
                  TagWrites.setColumnTag(
                      c, tableId, columnId, "comment", comment.orElse(null), snapshot));
          summary.altered.add(tableId);
        });
  }

  private void createViews() {
    for (NewView v : state.createdViews.values()) {
      ObjectWrites.insertView(
          c,
          nextCatalogId++,
          java.util.UUID.randomUUID(),
          snapshot,
          schemaId(v.name().schema()),
          v.name().table(),
          v.sql(),
          v.columnAliases());
      summary.createdViews.add(new String[] {v.name().schema(), v.name().table()});
    }
  }

  private void dropSchemas() {
    for (SchemaRecord s : state.droppedSchemas.values()) {
      ObjectWrites.endSchema(c, s.schemaId(), snapshot);
      summary.schemaNames.put(s.schemaId(), s.name());
      summary.droppedSchemas.add(s.schemaId());
    }
  }

  private void createSchemas() {
    for (NewSchema s : state.createdSchemas.values()) {
      long id = nextCatalogId++;
      ObjectWrites.insertSchema(c, id, s.uuid(), snapshot, s.name(), s.path(), s.pathIsRelative());
      schemaIds.put(s.name(), id);
      summary.createdSchemas.add(s.name());
    }
  }

  private Map<TableName, Long> createTables() {
    Map<TableName, Long> ids = new HashMap<>();
    for (NewTable t : state.createdTables.values()) {
      long id = nextCatalogId++;
      ids.put(t.name(), id);
      long schemaId = schemaId(t.name().schema());
      ObjectWrites.insertTable(
          c, id, t.uuid(), snapshot, schemaId, t.name().table(), t.path(), t.pathIsRelative());
      for (LakeColumn col : t.columns()) {
        ObjectWrites.insertColumn(c, id, snapshot, col, null);
      }
      if (!t.partitioning().isEmpty()) {
        partition(id, t.columns(), t.partitioning());
      }
      if (io.inliningLimitInSchema(schemaId) > 0) {
        summary.inlinedTable(c, id, schemaVersion, t::columns);
      }
      ObjectWrites.insertSchemaVersion(c, snapshot, schemaVersion, id);
      summary.createdTables.add(new String[] {t.name().schema(), t.name().table()});
    }
    return ids;
  }

  private void renameTables() {
    for (Map.Entry<Long, TableName> e : state.renamedTables.entrySet()) {
      TableRecord old = state.renamedFrom.get(e.getKey());
      ObjectWrites.endTableRow(c, old.tableId(), snapshot);
      ObjectWrites.insertTable(
          c,
          old.tableId(),
          old.uuid(),
          snapshot,
          old.schemaId(),
          e.getValue().table(),
          old.path(),
          old.pathIsRelative());
      // DuckDB logs a rename as a created table: a schema version row and a new inlined table.
      ObjectWrites.insertSchemaVersion(c, snapshot, schemaVersion, old.tableId());
      if (io.inliningLimit(old.tableId()) > 0) {
        summary.inlinedTable(
            c,
            old.tableId(),
            schemaVersion,
            () ->
                ColumnTree.build(old.tableId(), ObjectGateway.columns(c, old.tableId(), snapshot)));
      }
      summary.createdTables.add(new String[] {e.getValue().schema(), e.getValue().table()});
    }
  }

  private long schemaId(String name) {
    Long created = schemaIds.get(name);
    if (created != null) {
      return created;
    }
    Long id = ObjectGateway.liveSchemaId(c, name);
    if (id == null) {
      throw c.failure("schema " + name + " no longer exists");
    }
    summary.schemaNames.put(id, name);
    return id;
  }
}
