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

  /**
   * The columns, each without a column id of its table (a change feed's {@code snapshot_id}, a
   * virtual column) given one past the largest id, in order.
   */
  private static List<LakeColumn> numbered(List<LakeColumn> columns) {
    long next = maxId(columns) + 1;
    List<LakeColumn> out = new java.util.ArrayList<>(columns.size());
    for (LakeColumn c : columns) {
      out.add(
          c.id() >= 0
              ? c
              : new LakeColumn(
                  next++,
                  c.name(),
                  c.type(),
                  c.nullable(),
                  c.initialDefault(),
                  c.defaultValue(),
                  c.children()));
    }
    return out;
  }

  private static long maxId(List<LakeColumn> columns) {
    long max = 0;
    for (LakeColumn c : columns) {
      max = Math.max(max, Math.max(c.id(), maxId(c.children())));
    }
    return max;
  }

  static void write(LimitedBatches batches, Path file) throws IOException {
    List<LakeColumn> columns =
        numbered(batches.root().getSchema().getFields().stream().map(ArrowTypes::column).toList());
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
