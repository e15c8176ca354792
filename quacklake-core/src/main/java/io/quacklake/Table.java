package io.quacklake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
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
   * <p>Collects every change in memory; {@link #changeReader} streams them.
   *
   * @throws QuacklakeException NOT_FOUND when a snapshot does not exist (e.g. expired) or the table
   *     does not exist at {@code toSnapshot}
   */
  public List<Change> changes(long fromSnapshot, long toSnapshot) {
    List<Change> out = new ArrayList<>();
    try (ScanReader reader =
        changeReader(fromSnapshot, toSnapshot, EnumSet.allOf(ChangeType.class))) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<FieldVector> vectors = root.getFieldVectors();
      while (reader.loadNextBatch()) {
        for (int r = 0; r < root.getRowCount(); r++) {
          Map<String, Object> values = new LinkedHashMap<>();
          for (int c = 3; c < vectors.size(); c++) {
            FieldVector v = vectors.get(c);
            values.put(v.getName(), v.isNull(r) ? null : ArrowValues.get(v, r));
          }
          out.add(
              new Change(
                  ((BigIntVector) vectors.get(0)).get(r),
                  ((BigIntVector) vectors.get(1)).get(r),
                  ChangeType.of(vectors.get(2).getObject(r).toString()),
                  Collections.unmodifiableMap(values)));
        }
      }
    }
    out.sort(
        Comparator.comparingLong(Change::snapshotId)
            .thenComparingLong(Change::rowId)
            .thenComparing(c -> c.type().isInsertion()));
    return List.copyOf(out);
  }

  /**
   * The changes between two times, as {@code ducklake_table_changes} takes timestamps: from the
   * oldest snapshot taken at or after {@code from} to the newest taken at or before {@code to}.
   *
   * @throws QuacklakeException NOT_FOUND when no snapshot was taken at or after {@code from}, or
   *     none at or before {@code to}
   */
  public List<Change> changes(Instant from, Instant to) {
    long[] range = snapshotRange(from, to);
    return changes(range[0], range[1]);
  }

  /**
   * Streams the changes of {@link #changes(long, long)} of the given types as Arrow batches: {@code
   * snapshot_id} (BIGINT), {@code rowid} (BIGINT), {@code change_type} (VARCHAR: {@link
   * ChangeType#text()}), then the table's columns at {@code toSnapshot}. Memory does not grow with
   * the rows changed: the files are read twice, first only their row ids and snapshots (to tell
   * updates from inserts and deletes), then their rows, file by file — so rows are grouped by the
   * data file that holds them, not ordered by snapshot.
   *
   * @throws QuacklakeException NOT_FOUND when a snapshot does not exist (e.g. expired) or the table
   *     does not exist at {@code toSnapshot}
   */
  public ScanReader changeReader(long fromSnapshot, long toSnapshot, Set<ChangeType> types) {
    return io.quacklake.internal.changes.ChangeFeed.open(
        context, name, fromSnapshot, toSnapshot, types);
  }

  /**
   * {@link #changeReader(long, long, Set)} between two times, bounded as {@link #changes(Instant,
   * Instant)} bounds them.
   */
  public ScanReader changeReader(Instant from, Instant to, Set<ChangeType> types) {
    long[] range = snapshotRange(from, to);
    return changeReader(range[0], range[1], types);
  }

  private long[] snapshotRange(Instant from, Instant to) {
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
    return new long[] {first, last};
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
