package io.quacklake.cli;

import io.quacklake.ParquetFiles;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes scan batches as one Parquet file with the table's column names and DuckLake types, laid
 * out as DuckLake data files are (field ids = column ids), replacing {@code file} if it exists.
 */
final class ParquetOutput {
  private ParquetOutput() {}

  static void write(LimitedBatches batches, Path file) throws IOException {
    List<LakeColumn> columns =
        batches.root().getSchema().getFields().stream().map(ArrowTypes::column).toList();
    ParquetFiles.Writer writer = ParquetFiles.create(file, columns);
    try {
      while (batches.next()) {
        writer.write(batches.root());
      }
    } catch (RuntimeException | IOException e) {
      writer.abort();
      throw e;
    }
    writer.close();
  }
}
