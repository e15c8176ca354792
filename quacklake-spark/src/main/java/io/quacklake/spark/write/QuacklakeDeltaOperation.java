package io.quacklake.spark.write;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.TableName;
import io.quacklake.TableScan;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.DeltaBatchWrite;
import org.apache.spark.sql.connector.write.DeltaWrite;
import org.apache.spark.sql.connector.write.DeltaWriteBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsDelta;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * {@code DELETE}, {@code UPDATE} and {@code MERGE INTO} the way DuckDB makes them (merge on read):
 * Spark scans the table with each row's id and location, and the write deletes the rows it changes
 * by position and writes their new versions with the same row ids. The table's snapshot when the
 * operation was planned is the one scanned and the one the commit is checked against.
 */
public final class QuacklakeDeltaOperation implements SupportsDelta {
  private final Lake lake;
  private final TableName table;
  private final long snapshotId;
  private final StorageSettings storage;
  private final Command command;
  private final List<LakeColumn> columns;
  private final List<PartitionField> partitioning;
  private final Function<CaseInsensitiveStringMap, ScanBuilder> scans;

  public QuacklakeDeltaOperation(
      Lake lake,
      TableName table,
      long snapshotId,
      StorageSettings storage,
      Command command,
      List<LakeColumn> columns,
      List<PartitionField> partitioning,
      Function<CaseInsensitiveStringMap, ScanBuilder> scans) {
    this.lake = lake;
    this.table = table;
    this.snapshotId = snapshotId;
    this.storage = storage;
    this.command = command;
    this.columns = columns;
    this.partitioning = partitioning;
    this.scans = scans;
  }

  @Override
  public Command command() {
    return command;
  }

  @Override
  public String description() {
    return "Quacklake " + command + " of " + table + " at snapshot " + snapshotId;
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return scans.apply(options);
  }

  @Override
  public NamedReference[] rowId() {
    return new NamedReference[] {Expressions.column(TableScan.ROW_ID_COLUMN)};
  }

  @Override
  public NamedReference[] requiredMetadataAttributes() {
    return new NamedReference[] {
      Expressions.column(TableScan.DATA_FILE_ID_COLUMN),
      Expressions.column(TableScan.FILE_POSITION_COLUMN)
    };
  }

  @Override
  public boolean representUpdateAsDeleteAndInsert() {
    return false;
  }

  @Override
  public DeltaWriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    DeltaWrite write =
        new DeltaWrite() {
          @Override
          public DeltaBatchWrite toBatch() {
            return new QuacklakeDeltaBatchWrite(
                lake, table, snapshotId, storage, info, command.name(), columns, partitioning);
          }

          @Override
          public String description() {
            return QuacklakeDeltaOperation.this.description();
          }
        };
    return new DeltaWriteBuilder() {
      @Override
      public DeltaWrite build() {
        return write;
      }
    };
  }
}
