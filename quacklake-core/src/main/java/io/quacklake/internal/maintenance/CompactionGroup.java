package io.quacklake.internal.maintenance;

import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.util.List;

/**
 * Files of one table that one compaction rewrites into new files.
 *
 * @param tableId the table
 * @param directory the table's directory
 * @param columns the table's columns at the files' schema version
 * @param sources the files, in row-id order
 * @param partitionId the files' partition spec, or null
 * @param partitionValues their shared partition values
 * @param partitionDirectory the hive directory new files go to, relative to the table directory
 */
record CompactionGroup(
    long tableId,
    Location directory,
    List<LakeColumn> columns,
    List<SourceFile> sources,
    Long partitionId,
    List<String> partitionValues,
    String partitionDirectory) {

  /** Whether the files' row ids follow each other, so a merged file keeps them by position. */
  boolean adjacent() {
    Long next = null;
    for (SourceFile s : sources) {
      Long start = s.file().rowIdStart();
      if (start == null || (next != null && !next.equals(start))) {
        return false;
      }
      next = start + s.file().recordCount();
    }
    return true;
  }
}
