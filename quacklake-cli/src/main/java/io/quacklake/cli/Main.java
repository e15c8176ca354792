package io.quacklake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Entry point of the {@code quacklake} command. */
@Command(
    name = "quacklake",
    mixinStandardHelpOptions = true,
    version = "quacklake 0.1.0",
    description = "Read and write DuckLake lakes (Parquet files + a SQL catalog) without DuckDB.",
    subcommands = {
      SnapshotsCommand.class,
      TablesCommand.class,
      DescribeCommand.class,
      ScanCommand.class,
      InitCommand.class,
      CreateTableCommand.class,
      AppendCommand.class,
      DeleteCommand.class,
      UpdateCommand.class,
      MergeCommand.class,
      AlterTableCommand.class,
      DropTableCommand.class,
      CatalogCommand.class
    })
public final class Main implements Runnable {
  @Mixin LakeOptionsMixin lakeOptions;

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests and the launcher). */
  public static int run(String... args) {
    Main main = new Main();
    CommandLine cli = new CommandLine(main);
    cli.setExecutionExceptionHandler(new ErrorReporter(main));
    cli.setParameterExceptionHandler(ErrorReporter::onBadArguments);
    return cli.execute(args);
  }
}
