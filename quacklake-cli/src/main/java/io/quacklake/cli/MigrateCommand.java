package io.quacklake.cli;

import io.quacklake.Lake;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code migrate --to 1.1-dev1|1.1}: the opt-in upgrade of a lake, as DuckDB migrates it. */
@Command(
    name = "migrate",
    description =
        "Upgrade a DuckLake lake to a newer version as DuckDB's migration does (DuckDB 1.5"
            + " cannot open the result; only DuckDB 2.0 opens 1.1); prints the lake's version"
            + " afterwards",
    footer = "Example: quacklake migrate --to 1.1")
final class MigrateCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin HelpOptionMixin help;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "VERSION",
      description = "the version to migrate to: 1.1-dev1 (from 1.0) or 1.1 (from 1.0 or 1.1-dev1)")
  String to;

  @Override
  public Integer call() {
    Lake.migrate(main.lakeOptions.catalog(), main.lakeOptions.options(), to);
    try (Lake lake = main.lakeOptions.open()) {
      System.out.println(lake.specVersion());
    }
    return 0;
  }
}
