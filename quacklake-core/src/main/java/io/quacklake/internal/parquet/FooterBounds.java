package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.InputFile;
import java.util.List;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Checks the sizes and counts a Parquet footer declares against the file before anything is read or
 * allocated for them: every column chunk lies inside the file's data, row counts are not negative
 * and agree with the chunks' value counts, and a chunk's uncompressed size is within what its codec
 * can expand its bytes to and, for fixed-width values, what its values can take.
 */
final class FooterBounds {
  /** Allowance for page headers, levels and statistics on top of the values' own bytes. */
  private static final long SLACK = 1 << 20;

  /** Generous per-value allowance of page headers and levels for fixed-width values. */
  private static final long PER_VALUE = 102;

  private FooterBounds() {}

  /**
   * @throws QuacklakeException CORRUPT naming the file, the row group, the column and the number
   *     that does not fit
   */
  static void check(InputFile file, ParquetMetadata footer, long fileLength) {
    MessageType schema = footer.getFileMetaData().getSchema();
    long dataEnd = fileLength - 8;
    List<BlockMetaData> groups = footer.getBlocks();
    for (int g = 0; g < groups.size(); g++) {
      BlockMetaData group = groups.get(g);
      long rows = group.getRowCount();
      if (rows < 0) {
        throw corrupt(file, "row group %d declares %d rows", g, rows);
      }
      for (ColumnChunkMetaData chunk : group.getColumns()) {
        String column = chunk.getPath().toDotString();
        long start = chunk.getStartingPos();
        long size = chunk.getTotalSize();
        if (start < 4) {
          throw corrupt(
              file,
              "column %s of row group %d starts at offset %d, before the data",
              column,
              g,
              start);
        }
        if (size < 0 || size > dataEnd - start) {
          throw corrupt(
              file,
              "column %s of row group %d declares %d bytes at offset %d, past the end of the"
                  + " file's %d bytes",
              column,
              g,
              size,
              start,
              fileLength);
        }
        long values = chunk.getValueCount();
        boolean repeated =
            schema.containsPath(chunk.getPath().toArray())
                && schema.getColumnDescription(chunk.getPath().toArray()).getMaxRepetitionLevel()
                    > 0;
        if (values < 0 || values < rows || (!repeated && values > rows)) {
          throw corrupt(
              file,
              "row group %d declares %d rows but column %s holds %d values",
              g,
              rows,
              column,
              values);
        }
        long uncompressed = chunk.getTotalUncompressedSize();
        long bound = uncompressedBound(chunk, size, values);
        if (uncompressed < 0 || uncompressed > bound) {
          throw corrupt(
              file,
              "column %s of row group %d declares %d bytes uncompressed for %d values in %d %s"
                  + " bytes, more than they can hold (at most %d)",
              column,
              g,
              uncompressed,
              values,
              size,
              chunk.getCodec(),
              bound);
        }
      }
    }
  }

  private static long uncompressedBound(ColumnChunkMetaData chunk, long size, long values) {
    long byCodec = PageSizes.maxExpansion(chunk.getCodec(), size);
    int width = width(chunk.getPrimitiveType());
    if (width == 0) {
      return byCodec;
    }
    long perValue = 3L * width + PER_VALUE;
    long byValues =
        values > (Long.MAX_VALUE - SLACK) / perValue ? Long.MAX_VALUE : values * perValue + SLACK;
    return Math.min(byCodec, byValues);
  }

  /** Bytes per value of a fixed-width physical type; 0 for byte arrays. */
  private static int width(PrimitiveType type) {
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> 1;
      case INT32, FLOAT -> 4;
      case INT64, DOUBLE -> 8;
      case INT96 -> 12;
      case FIXED_LEN_BYTE_ARRAY -> type.getTypeLength();
      case BINARY -> 0;
    };
  }

  private static QuacklakeException corrupt(InputFile file, String what, Object... args) {
    return QuacklakeException.corrupt(
        "Parquet file %s is damaged: %s; restore or rewrite the file",
        file.location(), String.format(what, args));
  }
}
