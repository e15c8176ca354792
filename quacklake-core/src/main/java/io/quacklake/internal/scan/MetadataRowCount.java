package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.InlinedRows;
import java.util.OptionalLong;

/**
 * Counts a plan's rows from catalog facts alone, as DuckDB does: record counts minus delete counts
 * minus inlined deletions plus inlined rows. Not possible when a file holds rows or deletes of
 * snapshots after the scanned one (partial files).
 */
public final class MetadataRowCount {
  private MetadataRowCount() {}

  public static OptionalLong of(ScanPlan plan) {
    if (plan.filesPruned() > 0) {
      return OptionalLong.empty();
    }
    long snapshot = plan.table().snapshotId();
    long count = 0;
    for (FileTask f : plan.files()) {
      if (f.file().partialMax() != null && f.file().partialMax() > snapshot) {
        return OptionalLong.empty();
      }
      count += f.file().recordCount() - f.inlinedDeletes().length;
      if (f.deleteFile() != null) {
        Long partialMax = f.deleteFile().partialMax();
        if (partialMax != null && partialMax > snapshot) {
          return OptionalLong.empty();
        }
        count -= f.deleteFile().deleteCount();
      }
    }
    for (InlinedRows rows : plan.inlined()) {
      count += rows.values().size();
    }
    return OptionalLong.of(count);
  }
}
