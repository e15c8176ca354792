package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.exceptions.QuacklakeException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code set-option NAME VALUE}: sets a lake-wide DuckLake option, as ducklake_set_option. */
@Command(
    name = "set-option",
    description = "Set a DuckLake option of the lake (ducklake_set_option), e.g. target_file_size")
final class SetOptionCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "NAME", description = "The option's name")
  String name;

  @Parameters(index = "1", paramLabel = "VALUE", description = "Its value")
  String value;

  @Option(names = "--schema", paramLabel = "S", description = "Scope: one schema (not yet)")
  String schema;

  @Option(names = "--table", paramLabel = "T", description = "Scope: one table (not yet)")
  String table;

  @Override
  public Integer call() {
    if (schema != null || table != null) {
      throw QuacklakeException.unsupported(
          "options scoped to a schema or table; Quacklake sets lake-wide options only so far"
              + " (drop --schema/--table)");
    }
    try (Lake lake = main.lakeOptions.open()) {
      lake.setOption(name, value);
      System.out.println(lake.catalogOptions().get(name));
    }
    return 0;
  }
}
