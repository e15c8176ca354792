package io.quacklake.internal.parquet;

import io.quacklake.internal.expr.ColumnStats;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.filter2.columnindex.RowRanges;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;

/**
 * The rows of a row group worth reading for a filter, from the page indexes (column index and
 * offset index) of the filter's columns: pages whose min/max rule the filter out are dropped, and
 * the surviving pages of each column are intersected as row ranges. Reading then fetches and
 * decodes only the pages of every column that overlap those rows.
 */
final class PageRanges {
  private PageRanges() {}

  /**
   * The rows of {@code block} that may match, or null when page indexes cannot narrow it (missing
   * indexes, or every page may match).
   *
   * @param leaves the filter's columns, each a top-level leaf of the file
   */
  static RowRanges of(
      ParquetFileReader reader,
      BlockMetaData block,
      List<ColumnBinding.Leaf> leaves,
      RowGroupFilter filter) {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (chunk.getOffsetIndexReference() == null) {
        return null;
      }
    }
    long rows = block.getRowCount();
    RowRanges ranges = null;
    try {
      for (ColumnBinding.Leaf leaf : leaves) {
        ColumnChunkMetaData chunk = RowGroupStats.chunk(block, leaf);
        if (chunk == null || chunk.getColumnIndexReference() == null) {
          continue;
        }
        ColumnIndex index = reader.readColumnIndex(chunk);
        OffsetIndex offsets = reader.readOffsetIndex(chunk);
        if (index == null || offsets == null) {
          continue;
        }
        int[] pages = matchingPages(leaf, chunk, index, offsets, rows, filter);
        if (pages.length == offsets.getPageCount()) {
          continue;
        }
        RowRanges.Builder column = RowRanges.builder();
        for (int p : pages) {
          column.addSelectedRange(offsets.getFirstRowIndex(p), offsets.getLastRowIndex(p, rows));
        }
        ranges = ranges == null ? column.build() : RowRanges.intersection(ranges, column.build());
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return ranges;
  }

  private static int[] matchingPages(
      ColumnBinding.Leaf leaf,
      ColumnChunkMetaData chunk,
      ColumnIndex index,
      OffsetIndex offsets,
      long rows,
      RowGroupFilter filter) {
    List<ByteBuffer> mins = index.getMinValues();
    List<ByteBuffer> maxs = index.getMaxValues();
    List<Boolean> nullPages = index.getNullPages();
    List<Long> nullCounts = index.getNullCounts();
    return IntStream.range(0, offsets.getPageCount())
        .filter(
            p -> {
              long pageRows = offsets.getLastRowIndex(p, rows) - offsets.getFirstRowIndex(p) + 1;
              Statistics.Builder b =
                  Statistics.getBuilderForReading(leaf.descriptor().getPrimitiveType());
              if (nullCounts != null) {
                b.withNumNulls(nullCounts.get(p));
              }
              if (!nullPages.get(p)) {
                b.withMin(bytes(mins.get(p))).withMax(bytes(maxs.get(p)));
              }
              ColumnStats stats =
                  StatsConverter.convert(
                      leaf.descriptor().getPrimitiveType(),
                      leaf.column().type(),
                      b.build(),
                      pageRows);
              long id = leaf.column().id();
              return filter.mightMatch(c -> c == id ? stats : ColumnStats.UNKNOWN, pageRows);
            })
        .toArray();
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
