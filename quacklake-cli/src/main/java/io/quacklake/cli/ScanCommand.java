package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.TableScan;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.io.OutputStream;
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
    OutputFormat f = RowsOutput.format(format, output);
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
          OutputStream out = RowsOutput.open(output, f);
          Progress progress =
              Progress.start(
                  "scan " + table, "rows", output != null && Progress.wanted(main.quiet))) {
        LimitedBatches batches =
            new LimitedBatches(reader, limit == null ? Long.MAX_VALUE : limit).counting(progress);
        boolean capped =
            f == OutputFormat.table && limit == null && output == null && Terminal.isTerminal();
        Long total =
            capped && where == null
                ? scan.metadataCount().stream().boxed().findFirst().orElse(null)
                : null;
        RowsOutput.write(
            batches, f, output, out, capped ? Terminal.TABLE_ROWS : Long.MAX_VALUE, total);
      }
    }
    return 0;
  }
}
