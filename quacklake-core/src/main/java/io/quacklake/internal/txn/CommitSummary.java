package io.quacklake.internal.txn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one commit did, by the categories of DuckDB's change log. */
final class CommitSummary {
  final Set<Long> droppedSchemas = new LinkedHashSet<>();
  final Set<Long> droppedTables = new LinkedHashSet<>();
  final Set<Long> droppedViews = new LinkedHashSet<>();
  final List<String> createdSchemas = new ArrayList<>();
  final List<String[]> createdTables = new ArrayList<>();
  final List<String[]> createdViews = new ArrayList<>();
  final Set<Long> insertedInto = new LinkedHashSet<>();
  final Set<Long> deletedFrom = new LinkedHashSet<>();
  final Set<Long> altered = new LinkedHashSet<>();
  final Set<Long> alteredViews = new LinkedHashSet<>();
  final Set<Long> inlinedInsert = new LinkedHashSet<>();
  final Set<Long> inlinedDelete = new LinkedHashSet<>();
  final Set<Long> inlineFlush = new LinkedHashSet<>();
  final Set<Long> mergeAdjacent = new LinkedHashSet<>();
  final Set<Long> rewriteDelete = new LinkedHashSet<>();
  final Map<Long, Long> deletedDataFiles = new LinkedHashMap<>();
  final Map<Long, String> schemaNames = new LinkedHashMap<>();

  /**
   * Inlined-data tables ({table id, schema version}) to create after the commit, on catalogs where
   * a CREATE TABLE would commit the commit's transaction halfway.
   */
  final List<long[]> deferredInlinedTables = new ArrayList<>();

  /**
   * Creates the inlined-data table of a table at a schema version: within the commit where DDL is
   * transactional, else after it ({@link #deferredInlinedTables}).
   */
  void inlinedTable(
      io.quacklake.internal.catalog.CatalogSession c,
      long tableId,
      long schemaVersion,
      java.util.function.Supplier<List<io.quacklake.types.LakeColumn>> columns) {
    if (c.transactionalDdl()) {
      io.quacklake.internal.catalog.InlinedWrites.create(c, tableId, schemaVersion, columns.get());
    } else {
      deferredInlinedTables.add(new long[] {tableId, schemaVersion});
    }
  }

  /** Records a maintenance step's change under its token. */
  void maintained(MaintenanceStep.Kind kind, long tableId) {
    switch (kind) {
      case FLUSH_INLINED -> inlineFlush.add(tableId);
      case MERGE_ADJACENT -> mergeAdjacent.add(tableId);
      case REWRITE_DELETES -> rewriteDelete.add(tableId);
    }
  }

  /** The commit's changes_made log. */
  ChangesMade changes() {
    List<Change> out = new ArrayList<>();
    droppedSchemas.forEach(id -> out.add(new Change.IdChange(ChangeKind.DROPPED_SCHEMA, id)));
    droppedTables.forEach(id -> out.add(new Change.IdChange(ChangeKind.DROPPED_TABLE, id)));
    droppedViews.forEach(id -> out.add(new Change.IdChange(ChangeKind.DROPPED_VIEW, id)));
    createdSchemas.forEach(n -> out.add(new Change.CreatedSchema(n)));
    for (String[] t : createdTables) {
      out.add(new Change.CreatedEntry(ChangeKind.CREATED_TABLE, t[0], t[1]));
    }
    for (String[] v : createdViews) {
      out.add(new Change.CreatedEntry(ChangeKind.CREATED_VIEW, v[0], v[1]));
    }
    insertedInto.forEach(id -> out.add(new Change.IdChange(ChangeKind.INSERTED_INTO_TABLE, id)));
    deletedFrom.forEach(id -> out.add(new Change.IdChange(ChangeKind.DELETED_FROM_TABLE, id)));
    altered.forEach(id -> out.add(new Change.IdChange(ChangeKind.ALTERED_TABLE, id)));
    alteredViews.forEach(id -> out.add(new Change.IdChange(ChangeKind.ALTERED_VIEW, id)));
    inlinedInsert.forEach(id -> out.add(new Change.IdChange(ChangeKind.INLINED_INSERT, id)));
    inlinedDelete.forEach(id -> out.add(new Change.IdChange(ChangeKind.INLINED_DELETE, id)));
    inlineFlush.forEach(id -> out.add(new Change.IdChange(ChangeKind.INLINE_FLUSH, id)));
    mergeAdjacent.forEach(id -> out.add(new Change.IdChange(ChangeKind.MERGE_ADJACENT, id)));
    rewriteDelete.forEach(id -> out.add(new Change.IdChange(ChangeKind.REWRITE_DELETE, id)));
    return ChangesMade.of(out);
  }

  /** The commit as the conflict rules see it. */
  TransactionChanges forConflictCheck() {
    return new TransactionChanges(changes(), schemaNames, deletedDataFiles);
  }
}
