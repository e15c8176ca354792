package io.quacklake;

import io.quacklake.internal.write.PendingDataFile;
import java.io.Serializable;
import java.time.Instant;

/**
 * A data file a {@link TaskWriter} wrote for a {@link WriteTask}, with what the commit records of
 * it (row count, size, column statistics, partition values). {@link Serializable}: workers send it
 * back to the process that commits ({@link Transaction#addWrittenFiles}).
 */
public final class WrittenDataFile implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long tableId;
  private final PendingDataFile file;
  private final Instant writtenAt;

  WrittenDataFile(long tableId, PendingDataFile file, Instant writtenAt) {
    this.tableId = tableId;
    this.file = file;
    this.writtenAt = writtenAt;
  }

  /** Where the file is. */
  public String location() {
    return file.file().location().value();
  }

  public long recordCount() {
    return file.file().rowCount();
  }

  public long fileSizeBytes() {
    return file.file().fileSizeBytes();
  }

  /**
   * The file's partition values by key of the table's partitioning (DuckDB text, null for NULL);
   * empty for an unpartitioned table.
   */
  public java.util.List<String> partitionValues() {
    return file.partitionValues() == null ? java.util.List.of() : file.partitionValues();
  }

  long tableId() {
    return tableId;
  }

  PendingDataFile file() {
    return file;
  }

  Instant writtenAt() {
    return writtenAt;
  }

  @Override
  public String toString() {
    return "WrittenDataFile[" + location() + ", " + recordCount() + " rows]";
  }
}
