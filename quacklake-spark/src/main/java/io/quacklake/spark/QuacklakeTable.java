package io.quacklake.spark;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.Table;
import io.quacklake.TableName;
import io.quacklake.TableScan;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.spark.convert.SparkPredicates;
import io.quacklake.spark.convert.SparkTypes;
import io.quacklake.spark.read.LocationColumns;
import io.quacklake.spark.read.QuacklakeScanBuilder;
import io.quacklake.spark.write.QuacklakeDeltaOperation;
import io.quacklake.spark.write.QuacklakeWriteBuilder;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.connector.catalog.SupportsDeleteV2;
import org.apache.spark.sql.connector.catalog.SupportsMetadataColumns;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsRowLevelOperations;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.RowLevelOperationBuilder;
import org.apache.spark.sql.connector.write.RowLevelOperationInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** A DuckLake table at one snapshot (the newest, or the one time travel asked for). */
final class QuacklakeTable
    implements SupportsRead,
        SupportsWrite,
        SupportsDeleteV2,
        SupportsRowLevelOperations,
        SupportsMetadataColumns {
  private final Lake lake;
  private final TableName name;
  private final long snapshotId;
  private final boolean timeTravel;
  private final List<LakeColumn> columns;
  private final List<PartitionField> partitioning;
  private final StorageSettings storage;
  private final long splitSize;

  QuacklakeTable(
      Lake lake,
      TableName name,
      long snapshotId,
      boolean timeTravel,
      StorageSettings storage,
      long splitSize) {
    this.splitSize = splitSize;
    this.lake = lake;
    this.name = name;
    this.snapshotId = snapshotId;
    this.timeTravel = timeTravel;
    this.storage = storage;
    Table table = lake.table(name);
    this.columns = table.columns(snapshotId);
    this.partitioning = table.partitioning(snapshotId);
  }

  @Override
  public String name() {
    return name.toString();
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return SparkTypes.schema(columns);
  }

  @Override
  public Transform[] partitioning() {
    return transforms(partitioning);
  }

  /** DuckLake partition keys as Spark transforms. */
  static Transform[] transforms(List<PartitionField> partitioning) {
    Transform[] out = new Transform[partitioning.size()];
    for (int i = 0; i < out.length; i++) {
      PartitionField f = partitioning.get(i);
      String t = f.transform();
      out[i] =
          switch (t) {
            case "identity" -> Expressions.identity(f.column());
            case "year", "epoch_year" -> Expressions.years(f.column());
            case "epoch_month" -> Expressions.months(f.column());
            case "epoch_day" -> Expressions.days(f.column());
            case "epoch_hour" -> Expressions.hours(f.column());
            default ->
                t.startsWith("bucket(")
                    ? Expressions.bucket(
                        Integer.parseInt(t.substring(7, t.length() - 1)), f.column())
                    : Expressions.apply(t, Expressions.column(f.column()));
          };
    }
    return out;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return timeTravel
        ? EnumSet.of(TableCapability.BATCH_READ)
        : EnumSet.of(
            TableCapability.BATCH_READ,
            TableCapability.BATCH_WRITE,
            TableCapability.TRUNCATE,
            TableCapability.OVERWRITE_BY_FILTER,
            TableCapability.OVERWRITE_DYNAMIC);
  }

  /** Whether Quacklake can delete exactly the rows these predicates match, on the driver. */
  @Override
  public boolean canDeleteWhere(Predicate[] predicates) {
    return !timeTravel
        && SparkPredicates.convertAll(predicates, SparkPredicates.byName(columns)).converted();
  }

  /** {@code DELETE FROM}: one commit deleting the matching rows (delete files, inlined deletes). */
  @Override
  public void deleteWhere(Predicate[] predicates) {
    SparkPredicates.Conjunction c =
        SparkPredicates.convertAll(predicates, SparkPredicates.byName(columns));
    try (Transaction tx = lake.begin()) {
      tx.delete(name.toString(), c.expression());
      tx.commit();
    }
  }

  @Override
  public boolean truncateTable() {
    deleteWhere(new Predicate[0]);
    return true;
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    TableScan scan = lake.table(name).scan().asOf(snapshotId);
    return new QuacklakeScanBuilder(
        scan, columns, storage, options.getLong("split-size", splitSize));
  }

  /** Each row's id and location: {@code SELECT _ducklake_row_id, ...} and row-level operations. */
  @Override
  public MetadataColumn[] metadataColumns() {
    return LocationColumns.metadataColumns();
  }

  /** {@code UPDATE}, {@code MERGE INTO} and deletes Quacklake cannot evaluate on the driver. */
  @Override
  public RowLevelOperationBuilder newRowLevelOperationBuilder(RowLevelOperationInfo info) {
    if (timeTravel) {
      throw QuacklakeException.unsupported(
          "changing %s as of snapshot %d; only the newest snapshot can change", name, snapshotId);
    }
    return () ->
        new QuacklakeDeltaOperation(
            lake,
            name,
            snapshotId,
            storage,
            info.command(),
            columns,
            partitioning,
            this::newScanBuilder);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return new QuacklakeWriteBuilder(lake, name, storage, info, columns, partitioning);
  }
}
