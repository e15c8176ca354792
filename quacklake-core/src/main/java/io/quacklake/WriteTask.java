package io.quacklake;

import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.storage.Location;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.io.Serializable;
import java.util.List;

/**
 * What a worker needs to write data files of one table without the catalog ({@link
 * Transaction#planWrite}): the table's columns and partitioning, its directory and the lake's
 * Parquet settings. {@link Serializable}: a distributed engine ships it to its workers, each {@link
 * #open}s a {@link TaskWriter}, and the files they return are committed by the transaction that
 * planned the write, in one snapshot.
 */
public final class WriteTask implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String table;
  private final long tableId;
  private final List<LakeColumn> columns;
  private final List<PartitionField> partitioning;
  private final Location directory;
  private final Location dataRoot;
  private final ParquetWriteOptions options;
  private final long targetFileSize;
  private final String writeId = java.util.UUID.randomUUID().toString().replace("-", "");

  WriteTask(
      String table,
      long tableId,
      List<LakeColumn> columns,
      List<PartitionField> partitioning,
      Location directory,
      Location dataRoot,
      ParquetWriteOptions options,
      long targetFileSize) {
    this.table = table;
    this.tableId = tableId;
    this.columns = List.copyOf(columns);
    this.partitioning = List.copyOf(partitioning);
    this.directory = directory;
    this.dataRoot = dataRoot;
    this.options = options;
    this.targetFileSize = targetFileSize;
  }

  /** The table's name. */
  public String table() {
    return table;
  }

  /** The table's columns the files hold, with their DuckLake ids. */
  public List<LakeColumn> columns() {
    return columns;
  }

  /** The table's partitioning: files are split by it into hive directories. */
  public List<PartitionField> partitioning() {
    return partitioning;
  }

  /**
   * Starts writing files on this worker; close or {@link TaskWriter#abort()} it.
   *
   * @param storage settings for the store of the lake's data path, as the lake was opened with
   */
  public TaskWriter open(StorageSettings storage) {
    return new TaskWriter(this, storage);
  }

  /** Tags the names of the files written for this task ({@link Transaction#discardWrite}). */
  String writeId() {
    return writeId;
  }

  long tableId() {
    return tableId;
  }

  Location directory() {
    return directory;
  }

  Location dataRoot() {
    return dataRoot;
  }

  ParquetWriteOptions options() {
    return options;
  }

  long targetFileSize() {
    return targetFileSize;
  }
}
