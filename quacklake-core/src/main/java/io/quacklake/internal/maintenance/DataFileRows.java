package io.quacklake.internal.maintenance;

import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.DataFileRecord;
import io.quacklake.internal.catalog.FileColumnStatsRecord;
import io.quacklake.internal.catalog.FileWrites;
import io.quacklake.internal.parquet.LeafStats;
import io.quacklake.internal.parquet.WrittenFile;
import io.quacklake.internal.txn.Leaves;
import io.quacklake.internal.write.StatsText;
import io.quacklake.types.LakeColumn;
import java.util.List;

/**
 * Registers a data file a maintenance step wrote: its row, partition values and column statistics.
 */
final class DataFileRows {
  private DataFileRows() {}

  /**
   * @param file the catalog row (ids, snapshots, path)
   * @param columns the columns the file was written with
   * @param written the file's facts and leaf statistics
   * @param partitionValues the file's partition values by key index (empty when unpartitioned)
   */
  static void insert(
      CatalogSession c,
      long tableId,
      DataFileRecord file,
      List<LakeColumn> columns,
      WrittenFile written,
      List<String> partitionValues) {
    FileWrites.insertDataFile(c, tableId, file, written.rowGroupCount());
    for (int k = 0; k < partitionValues.size(); k++) {
      FileWrites.insertPartitionValue(c, file.dataFileId(), tableId, k, partitionValues.get(k));
    }
    for (LakeColumn leaf : Leaves.of(columns)) {
      LeafStats s = written.leafStats().get(leaf.id());
      if (s == null) {
        continue;
      }
      StatsText.Bounds bounds = StatsText.bounds(s.min(), s.max(), leaf);
      FileWrites.insertColumnStats(
          c,
          tableId,
          new FileColumnStatsRecord(
              file.dataFileId(),
              leaf.id(),
              s.valueCount(),
              s.nullCount(),
              bounds.min(),
              bounds.max(),
              s.containsNan(),
              s.extraStats()),
          s.columnSizeBytes(),
          bounds.minExact(),
          bounds.maxExact(),
          s.extraStats());
    }
  }
}
