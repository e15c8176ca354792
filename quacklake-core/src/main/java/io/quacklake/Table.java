package io.quacklake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.ColumnTree;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.PartitionColumnRecord;
import io.quacklake.internal.catalog.SchemaRecord;
import io.quacklake.internal.catalog.TableRecord;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table of a lake, by name. The name is resolved at the snapshot each operation uses, so a handle
 * follows time travel across renames: {@code scan().asOf(5)} finds the table that had this name at
 * snapshot 5.
 */
public final class Table {
  private final Lake lake;
  private final TableName name;

  Table(Lake lake, TableName name) {
    this.lake = lake;
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

  /** The Arrow schema of a full scan at the latest snapshot. */
  public Schema arrowSchema() {
    return ArrowTypes.schema(columns());
  }

  /** The partition keys in force at a snapshot; empty when the table is not partitioned. */
  public List<PartitionField> partitioning(long snapshotId) {
    ResolvedTable t = resolve(snapshotId);
    List<PartitionColumnRecord> keys =
        lake.catalog()
            .read(
                "partitioning of " + name,
                c -> FileGateway.partitionColumns(c, t.table().tableId(), snapshotId));
    List<PartitionField> out = new ArrayList<>();
    for (PartitionColumnRecord k : keys) {
      String column =
          t.columns().stream()
              .filter(col -> col.id() == k.columnId())
              .map(LakeColumn::name)
              .findFirst()
              .orElse("#" + k.columnId());
      out.add(new PartitionField(column, k.transform()));
    }
    return out;
  }

  /** A new scan of this table (latest snapshot, every column, no filter). */
  public TableScan scan() {
    return new TableScan(lake, this);
  }

  /**
   * The table as it is at a snapshot.
   *
   * @throws QuacklakeException NOT_FOUND if no table has this name at that snapshot
   */
  ResolvedTable resolve(long snapshotId) {
    lake.snapshot(snapshotId);
    TableRecord match = null;
    for (TableRecord t : lake.objects().tables(snapshotId)) {
      if (t.schemaName().equals(name.schema()) && t.name().equals(name.table())) {
        match = t;
        break;
      }
      if (match == null
          && t.schemaName().toLowerCase(Locale.ROOT).equals(name.schema().toLowerCase(Locale.ROOT))
          && t.name().toLowerCase(Locale.ROOT).equals(name.table().toLowerCase(Locale.ROOT))) {
        match = t;
      }
    }
    if (match == null) {
      throw QuacklakeException.notFound(
          "table %s does not exist at snapshot %d; 'quacklake tables' lists the tables",
          name, snapshotId);
    }
    SchemaRecord schema = null;
    for (SchemaRecord s : lake.objects().schemas(snapshotId)) {
      if (s.schemaId() == match.schemaId()) {
        schema = s;
      }
    }
    if (schema == null) {
      throw QuacklakeException.corrupt(
          "table %s refers to schema %d, which is not visible at snapshot %d",
          name, match.schemaId(), snapshotId);
    }
    List<LakeColumn> columns =
        ColumnTree.build(match.tableId(), lake.objects().columns(match.tableId(), snapshotId));
    return new ResolvedTable(match, snapshotId, columns, lake.paths().tableDir(schema, match));
  }

  @Override
  public String toString() {
    return name.toString();
  }
}
