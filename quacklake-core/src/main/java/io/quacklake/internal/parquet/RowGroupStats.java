package io.quacklake.internal.parquet;

import io.quacklake.internal.expr.ColumnStats;
import io.quacklake.internal.expr.StatsSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/** The statistics of one row group for the requested top-level primitive columns. */
final class RowGroupStats implements StatsSource {
  private final Map<Long, ColumnBinding> columns;
  private final BlockMetaData block;

  private RowGroupStats(Map<Long, ColumnBinding> columns, BlockMetaData block) {
    this.columns = columns;
    this.block = block;
  }

  /** Indexes the top-level bindings by column id, for {@link #of}. */
  static Map<Long, ColumnBinding> index(List<ColumnBinding> bindings) {
    Map<Long, ColumnBinding> byId = new HashMap<>();
    for (ColumnBinding b : bindings) {
      byId.putIfAbsent(b.column().id(), b);
    }
    return byId;
  }

  static RowGroupStats of(Map<Long, ColumnBinding> columns, BlockMetaData block) {
    return new RowGroupStats(columns, block);
  }

  @Override
  public ColumnStats stats(long columnId) {
    ColumnBinding b = columns.get(columnId);
    long rows = block.getRowCount();
    if (b instanceof ColumnBinding.Missing m) {
      String text = m.column().initialDefault();
      boolean allNull = text == null || text.equalsIgnoreCase("NULL");
      return allNull ? new ColumnStats(null, null, rows, 0L, null) : ColumnStats.UNKNOWN;
    }
    if (!(b instanceof ColumnBinding.Leaf leaf)) {
      return ColumnStats.UNKNOWN;
    }
    ColumnChunkMetaData chunk = chunk(block, leaf);
    return chunk == null
        ? ColumnStats.UNKNOWN
        : StatsConverter.convert(
            leaf.descriptor().getPrimitiveType(),
            leaf.column().type(),
            chunk.getStatistics(),
            rows);
  }

  /** The row group's chunk of a leaf, or null when the row group lacks it. */
  static ColumnChunkMetaData chunk(BlockMetaData block, ColumnBinding.Leaf leaf) {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (Arrays.equals(chunk.getPath().toArray(), leaf.path())) {
        return chunk;
      }
    }
    return null;
  }
}
