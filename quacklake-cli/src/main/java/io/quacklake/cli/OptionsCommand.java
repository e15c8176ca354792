package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.LakeOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code options}: the lake's DuckLake options, as DuckDB's {@code ducklake_options()}. */
@Command(
    name = "options",
    description = "List the lake's DuckLake options (name, value, scope), as ducklake_options()")
final class OptionsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--format", description = "table, csv or json")
  OutputFormat format;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open()) {
      TextRows rows = new TextRows(List.of("option_name", "value", "scope", "scope_entry"));
      for (LakeOption o : lake.options()) {
        rows.add(o.name(), o.value(), o.scope().name(), o.scopeEntry());
      }
      rows.write(Terminal.format(format), System.out);
    }
    return 0;
  }
}
