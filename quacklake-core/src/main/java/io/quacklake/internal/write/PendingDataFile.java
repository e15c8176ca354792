package io.quacklake.internal.write;

import io.quacklake.internal.parquet.WrittenFile;

/**
 * A data file written by a transaction and not yet committed.
 *
 * @param relativePath its path relative to the table directory
 * @param file the file's exact facts and leaf statistics
 * @param embeddedRowIds whether the file carries {@code _ducklake_internal_row_id} (updates)
 * @param firstRowId the smallest embedded row id, when there are embedded row ids
 * @param partitionId the partition spec the file was written under, or null
 * @param partitionValues the file's partition values as DuckDB text (null for a NULL key), by key
 *     index; empty when unpartitioned
 */
public record PendingDataFile(
    String relativePath,
    WrittenFile file,
    boolean embeddedRowIds,
    long firstRowId,
    Long partitionId,
    java.util.List<String> partitionValues)
    implements java.io.Serializable {

  /** The same file written under a partition spec, in its hive directory. */
  public PendingDataFile partitioned(
      String directory, long partitionId, java.util.List<String> values) {
    return new PendingDataFile(
        directory + relativePath, file, embeddedRowIds, firstRowId, partitionId, values);
  }
}
