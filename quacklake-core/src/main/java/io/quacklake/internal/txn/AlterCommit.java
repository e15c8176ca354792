package io.quacklake.internal.txn;

import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.ColumnTree;
import io.quacklake.internal.catalog.ObjectGateway;
import io.quacklake.internal.catalog.ObjectWrites;
import io.quacklake.types.LakeColumn;
import java.util.List;

/**
 * Commits column alterations of one table as DuckDB does: every change ends the column's row and
 * (except a drop) inserts a full new row with the same id; the table gets an {@code altered_table}
 * change, a {@code ducklake_schema_versions} row and, when inlining is on, a new inlined-data table
 * for the new schema version.
 */
final class AlterCommit {
  private AlterCommit() {}

  /** Writes the column changes of one table. */
  static void applyColumns(
      CatalogSession c, long tableId, List<ColumnChange> changes, long snapshot) {
    for (ColumnChange change : changes) {
      if (change instanceof ColumnChange.Add add) {
        ObjectWrites.insertColumn(c, tableId, snapshot, add.column(), add.parentId());
      } else if (change instanceof ColumnChange.Drop drop) {
        ObjectWrites.endColumn(c, tableId, drop.column(), snapshot);
        ObjectWrites.endColumnTags(c, tableId, drop.column().id(), snapshot);
      } else if (change instanceof ColumnChange.Rename rename) {
        LakeColumn old = rename.column();
        ObjectWrites.endColumnRow(c, tableId, old.id(), snapshot);
        ObjectWrites.insertColumnRow(
            c,
            tableId,
            snapshot,
            new LakeColumn(
                old.id(),
                rename.newName(),
                old.type(),
                old.nullable(),
                old.initialDefault(),
                old.defaultValue(),
                List.of()),
            rename.parentId());
      } else if (change instanceof ColumnChange.SetType set) {
        LakeColumn old = set.column();
        ObjectWrites.endColumnRow(c, tableId, old.id(), snapshot);
        ObjectWrites.insertColumnRow(
            c,
            tableId,
            snapshot,
            new LakeColumn(
                old.id(),
                old.name(),
                set.newType(),
                old.nullable(),
                old.initialDefault(),
                old.defaultValue(),
                List.of()),
            null);
      }
    }
  }

  /**
   * Records that the table's schema changed at this snapshot: a schema versions row, a new
   * inlined-data table for the new columns (when inlining is on) and an altered_table change.
   */
  static void recordSchemaChange(
      CatalogSession c,
      long tableId,
      long snapshot,
      long schemaVersion,
      int inliningLimit,
      CommitSummary summary) {
    ObjectWrites.insertSchemaVersion(c, snapshot, schemaVersion, tableId);
    if (inliningLimit > 0) {
      summary.inlinedTable(
          c,
          tableId,
          schemaVersion,
          () -> ColumnTree.build(tableId, ObjectGateway.columns(c, tableId, snapshot)));
    }
    summary.altered.add(tableId);
  }
}
