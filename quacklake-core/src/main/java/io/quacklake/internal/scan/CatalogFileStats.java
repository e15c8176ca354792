package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.FileColumnStatsRecord;
import io.quacklake.internal.catalog.PartitionColumnRecord;
import io.quacklake.internal.expr.ColumnStats;
import io.quacklake.internal.expr.StatsSource;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.LakeColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics the catalog holds for one data file: {@code ducklake_file_column_stats} rows,
 * completed by identity partition values (a single value for the whole file).
 */
final class CatalogFileStats implements StatsSource {
  private final Map<Long, ColumnStats> byColumn = new HashMap<>();

  CatalogFileStats(
      long recordCount,
      List<FileColumnStatsRecord> rows,
      List<PartitionColumnRecord> partitionKeys,
      Map<Integer, String> partitionValues,
      Map<Long, LakeColumn> columns) {
    for (FileColumnStatsRecord r : rows) {
      LakeColumn column = columns.get(r.columnId());
      if (column != null) {
        byColumn.put(
            r.columnId(),
            new ColumnStats(
                parse(r.minValue(), column),
                parse(r.maxValue(), column),
                r.nullCount(),
                r.valueCount(),
                r.containsNan()));
      }
    }
    for (PartitionColumnRecord key : partitionKeys) {
      LakeColumn column = columns.get(key.columnId());
      if (column == null
          || !key.transform().equals("identity")
          || byColumn.containsKey(key.columnId())
          || !partitionValues.containsKey(key.keyIndex())) {
        continue;
      }
      String text = partitionValues.get(key.keyIndex());
      if (text == null) {
        byColumn.put(key.columnId(), new ColumnStats(null, null, recordCount, 0L, null));
      } else {
        Object value = parse(text, column);
        if (value != null) {
          byColumn.put(key.columnId(), new ColumnStats(value, value, 0L, recordCount, null));
        }
      }
    }
  }

  @Override
  public ColumnStats stats(long columnId) {
    return byColumn.getOrDefault(columnId, ColumnStats.UNKNOWN);
  }

  /** Stats text that does not parse is treated as unknown (never prunes). */
  private static Object parse(String text, LakeColumn column) {
    if (text == null || column.type().id().isNested()) {
      return null;
    }
    try {
      return DuckDbText.parse(text, column);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
