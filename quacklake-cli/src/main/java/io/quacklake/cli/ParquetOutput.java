package io.quacklake.cli;

import io.quacklake.QuacklakeException;
import java.nio.file.Path;

/** Writes scan batches as one Parquet file with the table's column names and DuckLake types. */
final class ParquetOutput {
  private ParquetOutput() {}

  static void write(LimitedBatches batches, Path file) {
    throw QuacklakeException.unsupported("parquet output is not available yet");
  }
}
