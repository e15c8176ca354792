package io.quacklake.internal.lake;

import io.quacklake.PartitionField;
import io.quacklake.TableInfo;
import io.quacklake.TableName;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.ColumnTree;
import io.quacklake.internal.catalog.FileGateway;
import io.quacklake.internal.catalog.PartitionColumnRecord;
import io.quacklake.internal.catalog.SchemaRecord;
import io.quacklake.internal.catalog.TableRecord;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A lake's tables by name at a snapshot: what {@code Table} and transactions resolve names with.
 */
public final class TableLookup {
  /** Resolved tables kept per lake; a table at a snapshot never changes. */
  private static final int KEPT = 256;

  private final LakeContext lake;

  /** Keyed by the name as asked, the snapshot and its time (a restored catalog reuses ids). */
  private record Key(TableName name, long snapshotId, java.time.Instant time) {}

  private final Map<Key, ResolvedTable> resolved =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ResolvedTable> eldest) {
              return size() > KEPT;
            }
          });

  TableLookup(LakeContext lake) {
    this.lake = lake;
  }

  /** The tables visible at a snapshot. */
  public List<TableInfo> tables(long snapshotId) {
    List<TableInfo> out = new ArrayList<>();
    for (TableRecord t : lake.objects().tables(snapshotId)) {
      out.add(new TableInfo(new TableName(t.schemaName(), t.name()), t.tableId()));
    }
    return out;
  }

  /**
   * The table as it is at a snapshot; an exact name wins over a case-insensitive match.
   *
   * @throws QuacklakeException NOT_FOUND if no table has this name at that snapshot
   */
  public ResolvedTable resolve(TableName name, long snapshotId) {
    Key key = new Key(name, snapshotId, lake.snapshot(snapshotId).time());
    ResolvedTable kept = resolved.get(key);
    if (kept != null) {
      return kept;
    }
    ResolvedTable table = resolveFromCatalog(name, snapshotId);
    resolved.put(key, table);
    return table;
  }

  private ResolvedTable resolveFromCatalog(TableName name, long snapshotId) {
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

  /** The sort keys in force at a snapshot; empty when the table is not sorted. */
  public List<io.quacklake.SortField> sortKeys(TableName name, long snapshotId) {
    long tableId = resolve(name, snapshotId).table().tableId();
    return sortKeys(tableId, snapshotId);
  }

  /** The sort keys of a table (by id) at a snapshot. */
  public List<io.quacklake.SortField> sortKeys(long tableId, long snapshotId) {
    return lake.catalog()
        .read(
            "sort keys of table " + tableId,
            c -> io.quacklake.internal.catalog.SortWrites.current(c, tableId, snapshotId));
  }

  /** The partition keys in force at a snapshot; empty when the table is not partitioned. */
  public List<PartitionField> partitioning(TableName name, long snapshotId) {
    ResolvedTable t = resolve(name, snapshotId);
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
}
