package io.quacklake.cli.input;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The input formats of {@code append}, chosen by file extension or {@code --input-format}. */
public enum InputFormat {
  csv,
  parquet,
  json,
  arrow;

  /**
   * The format a file's extension names.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for an unknown extension
   */
  public static InputFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    return switch (ext) {
      case "csv" -> csv;
      case "parquet" -> parquet;
      case "json", "jsonl", "ndjson" -> json;
      case "arrow", "arrows", "ipc", "feather" -> arrow;
      default ->
          throw QuacklakeException.invalid(
              "cannot tell the format of %s from its extension; use .csv, .parquet,"
                  + " .json/.jsonl/.ndjson or .arrow/.arrows/.ipc/.feather, or pass"
                  + " --input-format csv|parquet|json|arrow",
              file);
    };
  }

  /**
   * Reads {@code file} and hands its rows to {@code sink} as batches in the layout of {@code
   * columns} (CSV and JSON) or in the file's own layout with the columns' names (Parquet, Arrow). A
   * batch is valid only during the call to {@code sink}.
   *
   * @param maxRecordBytes the largest CSV record or JSON line allowed
   * @throws QuacklakeException NOT_FOUND for a missing file, INVALID_ARGUMENT naming the file, line
   *     and column for a value or header that does not fit the columns, for text that is not UTF-8
   *     and for a record over the limit, CORRUPT for a damaged Parquet file
   */
  public void read(
      Path file,
      List<LakeColumn> columns,
      long maxRecordBytes,
      BufferAllocator allocator,
      Consumer<VectorSchemaRoot> sink) {
    if (!Files.isRegularFile(file)) {
      throw QuacklakeException.notFound("input file %s does not exist", file);
    }
    try {
      switch (this) {
        case csv -> CsvInput.read(file, columns, maxRecordBytes, allocator, sink);
        case json -> JsonLinesInput.read(file, columns, maxRecordBytes, allocator, sink);
        case parquet -> ParquetInput.read(file, columns, allocator, sink);
        case arrow -> ArrowInput.read(file, columns, allocator, sink);
      }
    } catch (UncheckedIOException e) {
      throw failure(file, e.getCause());
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  private static QuacklakeException failure(Path file, IOException e) {
    if (e instanceof CharacterCodingException c) {
      return InputText.notUtf8(file, c);
    }
    return new QuacklakeException(
        ErrorKind.UNAVAILABLE, "cannot read " + file + ": " + IoReason.of(e), e);
  }
}
