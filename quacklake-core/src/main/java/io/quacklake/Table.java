package io.quacklake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table of a lake, by name. The name is resolved at the snapshot each operation uses, so a handle
 * follows time travel across renames: {@code scan().asOf(5)} finds the table that had this name at
 * snapshot 5.
 */
public final class Table {
  private final Lake lake;
  private final LakeContext context;
  private final TableName name;

  Table(Lake lake, LakeContext context, TableName name) {
    this.lake = lake;
    this.context = context;
    this.name = name;
  }

  public TableName name() {
    return name;
  }

  /** The columns at the latest snapshot. */
  public List<LakeColumn> columns() {
    return resolve(lake.currentSnapshot().id()).columns();
  }

  /** The columns at a snapshot. */
  public List<LakeColumn> columns(long snapshotId) {
    return resolve(snapshotId).columns();
  }

  /** The table's comment at the latest snapshot ({@code COMMENT ON TABLE}), or null. */
  public String comment() {
    long snapshot = lake.currentSnapshot().id();
    long id = resolve(snapshot).table().tableId();
    return context
        .catalog()
        .read(
            "the comment of " + name,
            c -> io.quacklake.internal.catalog.TagWrites.tags(c, "comment", snapshot).get(id));
  }

  /**
   * The comments of the table's columns at the latest snapshot ({@code COMMENT ON COLUMN}), by
   * column name; columns without one are left out.
   */
  public java.util.Map<String, String> columnComments() {
    long snapshot = lake.currentSnapshot().id();
    ResolvedTable t = resolve(snapshot);
    java.util.Map<Long, String> byId =
        context
            .catalog()
            .read(
                "the column comments of " + name,
                c ->
                    io.quacklake.internal.catalog.TagWrites.columnTags(
                        c, t.table().tableId(), "comment", snapshot));
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (LakeColumn c : t.columns()) {
      if (byId.containsKey(c.id())) {
        out.put(c.name(), byId.get(c.id()));
      }
    }
    return out;
  }

  /** The Arrow schema of a full scan at the latest snapshot. */
  public Schema arrowSchema() {
    return ArrowTypes.schema(columns());
  }

  /** The partition keys in force at a snapshot; empty when the table is not partitioned. */
  public List<PartitionField> partitioning(long snapshotId) {
    return context.tables().partitioning(name, snapshotId);
  }

  /**
   * The table's sort order at a snapshot ({@code SET SORTED BY}); empty when it is not sorted.
   *
   * @throws QuacklakeException NOT_FOUND when the table does not exist at that snapshot
   */
  public List<SortField> sortedBy(long snapshotId) {
    return context.tables().sortKeys(name, snapshotId);
  }

  /** A new scan of this table (latest snapshot, every column, no filter). */
  public TableScan scan() {
    return new TableScan(lake, context, this);
  }

  /**
   * The row-level changes made in snapshots {@code fromSnapshot} to {@code toSnapshot} (both
   * included), as DuckDB's {@code ducklake_table_changes(..., from, to)} returns them: per snapshot
   * the rows it inserted and deleted, a row id deleted and inserted in one snapshot being an update
   * ({@link ChangeType#UPDATE_PREIMAGE} and {@link ChangeType#UPDATE_POSTIMAGE}). Values follow the
   * table's columns at {@code toSnapshot} (a column added since a row was written holds its initial
   * default). Ordered by snapshot, row id, old version first. Compaction and flushes of inlined
   * data change nothing here; {@code rewrite_data_files} shows as updates, as in DuckDB.
   *
   * @throws QuacklakeException NOT_FOUND when a snapshot does not exist (e.g. expired) or the table
   *     does not exist at {@code toSnapshot}
   */
  public java.util.List<Change> changes(long fromSnapshot, long toSnapshot) {
    io.quacklake.internal.changes.ChangeFeed.Feed feed =
        io.quacklake.internal.changes.ChangeFeed.read(context, name, fromSnapshot, toSnapshot);
    java.util.List<LakeColumn> columns = feed.columns();
    java.util.List<Change> out = new java.util.ArrayList<>();
    for (io.quacklake.internal.changes.ChangeRow r : feed.rows()) {
      java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        values.put(columns.get(c).name(), r.values()[c]);
      }
      out.add(
          new Change(
              r.snapshotId(), r.rowId(), r.type(), java.util.Collections.unmodifiableMap(values)));
    }
    return java.util.List.copyOf(out);
  }

  /**
   * The changes between two times, as {@code ducklake_table_changes} takes timestamps: from the
   * oldest snapshot taken at or after {@code from} to the newest taken at or before {@code to}.
   *
   * @throws QuacklakeException NOT_FOUND when no snapshot was taken at or after {@code from}, or
   *     none at or before {@code to}
   */
  public java.util.List<Change> changes(java.time.Instant from, java.time.Instant to) {
    Long first = null;
    Long last = null;
    for (Snapshot s : lake.snapshots()) {
      if (first == null && !s.time().isBefore(from)) {
        first = s.id();
      }
      if (!s.time().isAfter(to)) {
        last = s.id();
      }
    }
    if (first == null || last == null) {
      throw QuacklakeException.notFound(
          "no snapshot was taken %s %s; 'quacklake snapshots' lists them",
          first == null ? "at or after" : "at or before", first == null ? from : to);
    }
    return changes(first, last);
  }

  /**
   * The table as it is at a snapshot.
   *
   * @throws QuacklakeException NOT_FOUND if no table has this name at that snapshot
   */
  ResolvedTable resolve(long snapshotId) {
    return context.tables().resolve(name, snapshotId);
  }

  @Override
  public String toString() {
    return name.toString();
  }
}
