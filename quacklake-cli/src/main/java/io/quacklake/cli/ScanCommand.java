package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.TableScan;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code scan TABLE}: rows of a table, projected, filtered, at a snapshot. */
@Command(
    name = "scan",
    description = {
      "Read rows of a table, in the table's order (files in catalog order, rows in file order)",
      "The table format on a terminal shows the first "
          + Terminal.TABLE_ROWS
          + " rows unless --limit says otherwise"
    })
final class ScanCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "TABLE", description = "schema.table or table (schema main)")
  String table;

  @Option(names = "--columns", paramLabel = "a,b", split = ",", description = "Columns to read")
  List<String> columns;

  @Option(
      names = "--where",
      paramLabel = "EXPR",
      description = "Filter, e.g. \"region = 'EU' AND amount > 100\"")
  String where;

  @Option(names = "--as-of", paramLabel = "SNAPSHOT", description = "Snapshot id or timestamp")
  String asOf;

  @Option(names = "--limit", paramLabel = "N", description = "At most N rows")
  Long limit;

  @Option(names = "--format", description = "table, csv, json, parquet or arrow")
  OutputFormat format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (limit != null && limit < 0) {
      throw QuacklakeException.invalid("--limit must be 0 or more, got %d", limit);
    }
    OutputFormat f =
        format != null ? format : output != null ? OutputFormat.csv : Terminal.format(null);
    if (f == OutputFormat.parquet && output == null) {
      throw QuacklakeException.invalid("--format parquet needs --output FILE");
    }
    if (output != null) {
      checkOutputDirectory(output);
    }
    try (Lake lake = main.lakeOptions.open()) {
      TableScan scan = lake.table(table).scan();
      if (columns != null) {
        scan = scan.select(columns.stream().map(String::trim).toList());
      }
      if (where != null) {
        scan = scan.filter(where);
      }
      if (asOf != null) {
        scan = SnapshotArgument.parse(asOf).applyTo(scan);
      }
      try (ScanReader reader = scan.arrowInOrder();
          OutputStream out = open();
          Progress progress =
              Progress.start(
                  "scan " + table, "rows", output != null && Progress.wanted(main.quiet))) {
        LimitedBatches batches =
            new LimitedBatches(reader, limit == null ? Long.MAX_VALUE : limit).counting(progress);
        switch (f) {
          case arrow -> ArrowOutput.write(batches, out);
          case parquet -> ParquetOutput.write(batches, output);
          default -> {
            boolean capped =
                f == OutputFormat.table && limit == null && output == null && Terminal.isTerminal();
            Long total =
                capped && where == null
                    ? scan.metadataCount().stream().boxed().findFirst().orElse(null)
                    : null;
            writeText(batches, f, out, capped ? Terminal.TABLE_ROWS : Long.MAX_VALUE, total);
          }
        }
      }
    }
    return 0;
  }

  private OutputStream open() throws IOException {
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

  /** Writes rows as text; the table format stops at {@code shown} rows and counts the rest. */
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
