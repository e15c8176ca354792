package io.quacklake.internal.parquet;

import io.quacklake.storage.Location;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/** Turns the footer of a just-written file into a {@link WrittenFile}. */
final class FileStatsSummary {
  private FileStatsSummary() {}

  static WrittenFile summarize(
      Location location,
      ParquetMetadata footer,
      DuckLakeParquetSchema schema,
      long fileSize,
      long footerLength) {
    Map<ColumnPath, Accumulator> byPath = new LinkedHashMap<>();
    schema.leaves().forEach((path, leaf) -> byPath.put(path, new Accumulator()));
    long rows = 0;
    for (BlockMetaData block : footer.getBlocks()) {
      rows += block.getRowCount();
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        Accumulator a = byPath.get(chunk.getPath());
        // leaves that are no column of their own (a variant's metadata) have no statistics
        if (a != null) {
          a.add(chunk);
        }
      }
    }
    Map<Long, LeafStats> stats = new LinkedHashMap<>();
    schema
        .leaves()
        .forEach((path, leaf) -> stats.put(leaf.fieldId(), byPath.get(path).toStats(leaf)));
    return new WrittenFile(
        location, rows, fileSize, footerLength, footer.getBlocks().size(), stats);
  }

  private static final class Accumulator {
    private long values;
    private long nulls;
    private long size;
    private Statistics<?> merged;
    private final GeometryExtent geometry = new GeometryExtent();

    void add(ColumnChunkMetaData chunk) {
      geometry.add(chunk.getGeospatialStatistics());
      Statistics<?> s = chunk.getStatistics();
      values += chunk.getValueCount();
      nulls += s.getNumNulls();
      size += chunk.getTotalSize();
      if (merged == null) {
        merged = s.copy();
      } else {
        merged.mergeStatistics(s);
      }
    }

    LeafStats toStats(SchemaLeaf leaf) {
      Object min = null;
      Object max = null;
      Boolean nan = leaf.type().id().isFloating() ? Boolean.FALSE : null;
      if (merged != null) {
        if (merged.hasNonNullValue()) {
          min = StatsValues.toLakeValue(merged.genericGetMin(), leaf.type());
          max = StatsValues.toLakeValue(merged.genericGetMax(), leaf.type());
        }
        if (nan != null) {
          nan = merged.isNanCountSet() && merged.getNanCount() > 0;
        }
      }
      String extra =
          leaf.type().id() == io.quacklake.types.TypeId.GEOMETRY ? geometry.json() : null;
      return new LeafStats(nulls, values - nulls, size, min, max, nan, extra);
    }
  }
}
