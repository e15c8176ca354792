package io.quacklake.cli;

import io.quacklake.cli.input.InputFormat;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import picocli.CommandLine.Option;

/** How the input files of {@code append} and {@code merge} are read. */
final class InputOptionsMixin {
  /** DuckDB's {@code maximum_object_size} default for {@code read_json}: 16 MiB. */
  static final long DEFAULT_MAX_RECORD_BYTES = 16L << 20;

  @Option(
      names = "--input-format",
      paramLabel = "F",
      description = "csv, parquet, json or arrow (default: by file extension)")
  InputFormat inputFormat;

  @Option(
      names = "--max-record-size",
      paramLabel = "BYTES",
      description =
          "Largest CSV record or JSON line accepted (default 16777216); longer ones are an error")
  long maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;

  /** The format of {@code file}: {@code --input-format}, or the one its extension names. */
  InputFormat formatOf(Path file) {
    return inputFormat != null ? inputFormat : InputFormat.of(file);
  }

  /** Reads {@code file} (see {@link InputFormat#read}). */
  void read(
      Path file,
      List<LakeColumn> columns,
      BufferAllocator allocator,
      Consumer<VectorSchemaRoot> sink) {
    if (maxRecordBytes <= 0) {
      throw QuacklakeException.invalid(
          "--max-record-size must be a positive number of bytes, got %d", maxRecordBytes);
    }
    formatOf(file).read(file, columns, maxRecordBytes, allocator, sink);
  }
}
