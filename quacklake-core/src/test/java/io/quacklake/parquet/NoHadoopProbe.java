package io.quacklake.parquet;

import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.util.List;

/** Runs inside a class loader without Hadoop (see {@link NoHadoopTest}). */
public final class NoHadoopProbe {
  private NoHadoopProbe() {}

  /** Reads every file fully; returns the total number of rows (and delete positions). */
  public static long run(List<String> dataFiles, String deleteFile) {
    List<LakeColumn> columns =
        List.of(
            Reads.col(1, "id", "int64"),
            Reads.col(2, "s", "varchar"),
            Reads.col(3, "l", "list", Reads.col(4, "element", "int32")));
    long total = 0;
    for (String f : dataFiles) {
      ParquetReadRequest request =
          ParquetReadRequest.of(DuckDb.input(Path.of(f)), columns)
              .withRowIdentity(0)
              .withRowGroupFilter((stats, rows) -> stats.stats(1).min() != null);
      total += Reads.readAll(request).rows().size();
      total += ParquetFooter.read(DuckDb.input(Path.of(f))).rowCount();
    }
    return total + PositionDeleteFile.read(DuckDb.input(Path.of(deleteFile)), 5).length;
  }
}
