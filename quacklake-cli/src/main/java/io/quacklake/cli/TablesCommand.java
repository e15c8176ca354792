package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.TableInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tables}: tables and their row counts at a snapshot. */
@Command(
    name = "tables",
    description = "List tables (schema.table, quoted where a name needs it) with their row counts")
final class TablesCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--as-of", paramLabel = "SNAPSHOT", description = "Snapshot id or timestamp")
  String asOf;

  @Option(names = "--format", description = "table, csv or json")
  OutputFormat format;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open()) {
      long snapshot =
          asOf == null ? lake.currentSnapshot().id() : SnapshotArgument.parse(asOf).resolve(lake);
      TextRows rows = new TextRows(List.of("table", "rows"));
      for (TableInfo t : lake.tables(snapshot)) {
        long count = lake.table(t.name()).scan().asOf(snapshot).count();
        rows.add(t.name().quoted(), Long.toString(count));
      }
      rows.write(Terminal.format(format), System.out);
    }
    return 0;
  }
}
