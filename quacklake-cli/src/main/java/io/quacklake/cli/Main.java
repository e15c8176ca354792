package io.quacklake.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Entry point of the {@code quacklake} command. */
@Command(
    name = "quacklake",
    mixinStandardHelpOptions = true,
    version = "quacklake 0.1.0",
    description = "Read and write DuckLake lakes (Parquet files + a SQL catalog) without DuckDB.")
public final class Main implements Runnable {
  @Mixin LakeOptionsMixin lakeOptions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--quiet",
      description =
          "No progress line on stderr (shown for long appends and scans to files on a"
              + " terminal)")
  boolean quiet;

  @CommandLine.Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description =
          "What the library logs to stderr: error, warn (default), info (retries, conflicts,"
              + " maintenance), debug (every commit attempt), trace, off; env QUACKLAKE_LOG_LEVEL")
  void logLevel(String level) {
    Logging.configure(level);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests and the launcher). */
  public static int run(String... args) {
    Logging.configureDefault();
    Main main = new Main();
    return execute(main, commandLine(main, args), args);
  }

  /**
   * The command line over {@code main} with the commands {@code args} may run, help installed; with
   * no arguments, every command.
   */
  static CommandLine commandLine(Main main, String... args) {
    CommandLine cli = new CommandLine(main);
    Subcommands.register(cli, args);
    CommandHelp.install(cli);
    return cli;
  }

  /**
   * Executes {@code cli} (built on {@code main}) with one-line errors: exceptions by their kind,
   * and errors of the virtual machine (out of memory, stack overflow) too, never as a stack trace
   * unless {@code --verbose} asks for it.
   */
  static int execute(Main main, CommandLine cli, String... args) {
    ErrorReporter reporter = new ErrorReporter(main);
    cli.setExecutionExceptionHandler(reporter);
    cli.setParameterExceptionHandler(ErrorReporter::onBadArguments);
    try {
      return cli.execute(args);
    } catch (VirtualMachineError e) {
      return reporter.onFatal(e, cli);
    }
  }
}
