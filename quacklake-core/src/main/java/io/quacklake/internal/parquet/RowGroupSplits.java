package io.quacklake.internal.parquet;

import io.quacklake.storage.InputFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Splits a Parquet file into runs of whole row groups of about {@code target} compressed bytes
 * each, from its footer, so that several workers can read one large file.
 */
public final class RowGroupSplits {
  private RowGroupSplits() {}

  /**
   * @return {@code {from, to}} row-group ranges (to exclusive) covering the file in order; one
   *     range for a file with at most one split's worth of row groups
   * @throws io.quacklake.exceptions.QuacklakeException CORRUPT or UNAVAILABLE when the footer
   *     cannot be read
   */
  public static List<int[]> of(InputFile file, long target) {
    try (ParquetFileReader reader = ParquetInputFile.open(file)) {
      List<BlockMetaData> blocks = reader.getRowGroups();
      List<int[]> out = new ArrayList<>();
      int from = 0;
      long size = 0;
      for (int i = 0; i < blocks.size(); i++) {
        size += blocks.get(i).getCompressedSize();
        if (size >= target && i + 1 < blocks.size()) {
          out.add(new int[] {from, i + 1});
          from = i + 1;
          size = 0;
        }
      }
      out.add(new int[] {from, Integer.MAX_VALUE});
      return out;
    } catch (IOException e) {
      throw ParquetInputFile.storeFailure(file, "footer", e);
    }
  }
}
