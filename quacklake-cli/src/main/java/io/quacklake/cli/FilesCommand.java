package io.quacklake.cli;

import io.quacklake.DataFileInfo;
import io.quacklake.Lake;
import io.quacklake.TableScan;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code files TABLE}: data and delete files, as DuckDB's {@code ducklake_list_files}. */
@Command(
    name = "files",
    description =
        "List a table's data files with their delete files, row counts and sizes (DuckDB's"
            + " ducklake_list_files)")
final class FilesCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Option(names = "--as-of", paramLabel = "SNAPSHOT", description = "Snapshot id or timestamp")
  String asOf;

  @Option(names = "--format", description = "table, csv or json")
  OutputFormat format;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open()) {
      TableScan scan = lake.table(table).scan();
      if (asOf != null) {
        scan = SnapshotArgument.parse(asOf).applyTo(scan);
      }
      TextRows rows =
          new TextRows(
              List.of(
                  "data_file",
                  "record_count",
                  "data_file_size_bytes",
                  "data_file_footer_size",
                  "delete_file",
                  "delete_file_size_bytes",
                  "deleted_rows"));
      for (DataFileInfo f : scan.files()) {
        rows.add(
            f.dataFile(),
            Long.toString(f.recordCount()),
            Long.toString(f.fileSizeBytes()),
            f.footerSize() == null ? null : Long.toString(f.footerSize()),
            f.deleteFile(),
            f.deleteFileSizeBytes() == null ? null : Long.toString(f.deleteFileSizeBytes()),
            Long.toString(f.deletedRows()));
      }
      rows.write(Terminal.format(format), System.out);
    }
    return 0;
  }
}
