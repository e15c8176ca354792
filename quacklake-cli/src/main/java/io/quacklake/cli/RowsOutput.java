package io.quacklake.cli;

import io.quacklake.cli.input.IoReason;
import io.quacklake.exceptions.QuacklakeException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Result rows written as a command's {@code --format} and {@code --output} ask: an aligned table,
 * CSV, JSON lines, an Arrow IPC stream or a Parquet file.
 */
final class RowsOutput {
  private RowsOutput() {}

  /**
   * The format to write: the one given, else CSV into a file, else what suits the terminal.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for Parquet without a file, or an output file in a
   *     directory that does not exist
   */
  static OutputFormat format(OutputFormat given, Path output) {
    OutputFormat f =
        given != null ? given : output != null ? OutputFormat.csv : Terminal.format(null);
    if (f == OutputFormat.parquet && output == null) {
      throw QuacklakeException.invalid("--format parquet needs --output FILE");
    }
    if (output != null) {
      checkOutputDirectory(output);
    }
    return f;
  }

  /**
   * Writes the batches. The table format stops after {@code shown} rows and says how many more
   * there are when {@code total} is known.
   */
  static void write(
      LimitedBatches batches, OutputFormat f, Path output, OutputStream out, long shown, Long total)
      throws IOException {
    switch (f) {
      case arrow -> ArrowOutput.write(batches, out);
      case parquet -> ParquetOutput.write(batches, output);
      default -> writeText(batches, f, out, shown, total);
    }
  }

  /** Standard output, or {@code output} unless the format writes the file itself (Parquet). */
  static OutputStream open(Path output, OutputFormat format) throws IOException {
    if (output == null || format == OutputFormat.parquet) {
      return new BufferedOutputStream(System.out, 1 << 16) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
    try {
      return new BufferedOutputStream(Files.newOutputStream(output));
    } catch (IOException e) {
      throw QuacklakeException.invalid("cannot write --output %s: %s", output, IoReason.of(e));
    }
  }

  /** Every format writes into an existing directory; none creates one. */
  private static void checkOutputDirectory(Path output) {
    Path directory = output.toAbsolutePath().getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      throw QuacklakeException.invalid(
          "cannot write --output %s: the directory %s does not exist; create it first",
          output, directory);
    }
  }

  /**
   * Writes rows as text. The table format stops after {@code shown} rows and says how many more
   * there are when {@code total} (the catalog's count) is known — it never reads on to count them.
   */
  private static void writeText(
      LimitedBatches batches, OutputFormat f, OutputStream raw, long shown, Long total)
      throws IOException {
    long written = 0;
    boolean more = false;
    PrintStream out = new PrintStream(raw, false, StandardCharsets.UTF_8);
    List<String> header =
        batches.root().getSchema().getFields().stream().map(x -> x.getName()).toList();
    TextRows buffered = f == OutputFormat.table ? new TextRows(header) : null;
    if (f == OutputFormat.csv) {
      out.println(Csv.line(header.toArray(String[]::new)));
    }
    while (!more && batches.next()) {
      var vectors = batches.root().getFieldVectors();
      for (int r = 0; r < batches.root().getRowCount(); r++) {
        if (written >= shown) {
          more = true;
          break;
        }
        written++;
        if (f == OutputFormat.json) {
          out.println(JsonLines.ofRow(vectors, r));
          continue;
        }
        String[] cells = new String[vectors.size()];
        for (int c = 0; c < cells.length; c++) {
          cells[c] = io.quacklake.types.ValueText.render(vectors.get(c), r);
        }
        if (buffered != null) {
          buffered.add(cells);
        } else {
          out.println(Csv.line(cells));
        }
      }
    }
    if (buffered != null) {
      buffered.write(OutputFormat.table, out);
    }
    if (more) {
      out.printf(
          "… %smore rows (--limit N shows more, --format csv shows all)%n",
          total == null ? "" : String.format("%,d ", total - written));
    }
    out.flush();
  }
}
