package io.quacklake.internal.maintenance;

import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.DeleteFileRecord;
import io.quacklake.storage.Location;
import java.util.List;
import java.util.TreeMap;

/**
 * A live data file a compaction reads, with what deletes it had when the compaction planned.
 *
 * @param file its catalog row
 * @param location where it is
 * @param deleteFile its current delete file, or null
 * @param inlinedDeletes positions deleted in the catalog's inlined-delete table, with snapshots
 * @param schemaVersion the table's schema version when the file was written
 * @param partitionValues its partition values by key index (empty when unpartitioned)
 */
record SourceFile(
    DataFileRecord file,
    Location location,
    DeleteFileRecord deleteFile,
    TreeMap<Long, Long> inlinedDeletes,
    long schemaVersion,
    List<String> partitionValues) {

  /** Rows deleted now (delete file and inlined deletions). */
  long deletedRows() {
    return (deleteFile == null ? 0 : deleteFile.deleteCount()) + inlinedDeletes.size();
  }

  boolean hasDeletes() {
    return deleteFile != null || !inlinedDeletes.isEmpty();
  }
}
