package io.quacklake.internal.maintenance;

import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.internal.catalog.InlinedDataGateway;
import io.quacklake.internal.catalog.InlinedTableRecord;
import io.quacklake.storage.Location;
import java.util.List;
import java.util.TreeMap;

/**
 * What one table's flush reads: the row versions of its inlined-data tables and the data-file
 * positions deleted in the catalog.
 *
 * @param tableId the table
 * @param directory the table's directory
 * @param tables each inlined-data table with its rows (every version inserted by the snapshot)
 * @param fileDeletes the data files with catalog-recorded deletes
 * @param partitionId the table's current partition spec, or null when it is not partitioned
 * @param partitionKeys the keys of that spec (empty when not partitioned)
 */
record FlushPlan(
    long tableId,
    Location directory,
    List<InlinedTable> tables,
    List<FileDeletes> fileDeletes,
    Long partitionId,
    List<io.quacklake.internal.write.PartitionKey> partitionKeys) {

  /** An inlined-data table and its rows. */
  record InlinedTable(
      InlinedTableRecord table,
      List<io.quacklake.types.LakeColumn> columns,
      InlinedDataGateway.Versions versions) {}

  /**
   * A data file's catalog-recorded deletes, with its current delete file (or null).
   *
   * @param inlined position to deleting snapshot
   */
  record FileDeletes(
      DataFileRecord file, DeleteFileRecord deleteFile, TreeMap<Long, Long> inlined) {}

  boolean isEmpty() {
    return tables.stream().allMatch(t -> t.versions().rows().rowIds().length == 0)
        && fileDeletes.isEmpty();
  }
}
