package io.quacklake.internal.parquet;

import io.quacklake.storage.InputFile;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Splits a Parquet file into runs of whole row groups of about {@code target} compressed bytes
 * each, from its footer, so that several workers can read one large file; row groups whose
 * statistics rule a filter out are left out of every run.
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
    return of(file, target, List.of(), null, null);
  }

  /**
   * As {@link #of(InputFile, long)}, covering only the row groups that may hold a row matching
   * {@code filter} (no range at all when none may). Without field ids or a name mapping the file's
   * columns cannot be told apart by statistics, and every row group is kept.
   *
   * @param filterColumns the columns {@code filter} reads, as the file is read (nested and VARIANT
   *     columns have no usable statistics and are ignored)
   * @param mapping the file's name mapping, or null when it carries field ids
   * @param filter the scan's row-group filter, or null for none
   * @throws io.quacklake.exceptions.QuacklakeException as {@link #of(InputFile, long)}
   */
  public static List<int[]> of(
      InputFile file,
      long target,
      List<LakeColumn> filterColumns,
      NameMapping mapping,
      RowGroupFilter filter) {
    try (ParquetFileReader reader = ParquetInputFile.open(file)) {
      List<BlockMetaData> blocks = reader.getRowGroups();
      boolean[] kept = kept(reader, file, blocks, filterColumns, mapping, filter);
      List<int[]> out = new ArrayList<>();
      int from = -1;
      long size = 0;
      for (int i = 0; i < blocks.size(); i++) {
        if (!kept[i]) {
          if (from >= 0) {
            out.add(new int[] {from, i});
            from = -1;
          }
          continue;
        }
        if (from < 0) {
          from = i;
          size = 0;
        }
        size += blocks.get(i).getCompressedSize();
        if (size >= target && i + 1 < blocks.size()) {
          out.add(new int[] {from, i + 1});
          from = -1;
        }
      }
      if (from >= 0) {
        out.add(new int[] {from, Integer.MAX_VALUE});
      }
      return out;
    } catch (IOException e) {
      throw ParquetInputFile.storeFailure(file, "footer", e);
    }
  }

  private static boolean[] kept(
      ParquetFileReader reader,
      InputFile file,
      List<BlockMetaData> blocks,
      List<LakeColumn> filterColumns,
      NameMapping mapping,
      RowGroupFilter filter) {
    boolean[] kept = new boolean[blocks.size()];
    java.util.Arrays.fill(kept, true);
    if (filter == null) {
      return kept;
    }
    SchemaMatcher matcher =
        new SchemaMatcher(
            reader.getFooter().getFileMetaData().getSchema(), file.location().toString(), mapping);
    if (mapping == null && !matcher.byFieldId()) {
      return kept;
    }
    List<LakeColumn> flat =
        filterColumns.stream()
            .filter(c -> !c.type().id().isNested() && c.type().id() != TypeId.VARIANT)
            .toList();
    Map<Long, ColumnBinding> stats = RowGroupStats.index(matcher.bind(flat));
    for (int i = 0; i < blocks.size(); i++) {
      long rows = blocks.get(i).getRowCount();
      kept[i] = rows > 0 && filter.mightMatch(RowGroupStats.of(stats, blocks.get(i)), rows);
    }
    return kept;
  }
}
