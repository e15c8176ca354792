package io.quacklake.cli;

import io.quacklake.cli.warm.WarmClient;
import io.quacklake.cli.warm.WarmServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
  /** Set once an error of the virtual machine reached {@link #execute}. */
  private static final AtomicBoolean FATAL = new AtomicBoolean();

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

  /**
   * Runs the command line and exits with its code. The launchers' warm process (decision 0026) uses
   * the same entry, told by a system property: {@code quacklake.warm.serve} (a socket path) makes
   * this process the server, {@code quacklake.warm.socket} makes it a client of the server there,
   * which runs the command itself when none takes it.
   */
  public static void main(String[] args) throws IOException {
    String serve = System.getProperty("quacklake.warm.serve");
    if (serve != null) {
      WarmServer.serve(Path.of(serve), Long.getLong("quacklake.warm.idle", 600));
      return;
    }
    String socket = System.getProperty("quacklake.warm.socket");
    if (socket != null) {
      int code = WarmClient.run(Path.of(socket), List.of(args), System.in);
      if (!WarmClient.ranElsewhere(code)) {
        System.exit(code);
      }
    }
    System.exit(run(args));
  }

  /**
   * Whether an error of the virtual machine (out of memory, stack overflow) ended a command in this
   * process: a warm process then ends rather than serve another command in a doubtful state.
   */
  public static boolean failedFatally() {
    return FATAL.get();
  }

  /**
   * Runs the command line for a client of a warm process, whose standard input and output are a
   * terminal when {@code console} is true; otherwise as {@link #run}.
   */
  public static int runFor(boolean console, String... args) {
    Terminal.client(console);
    try {
      return run(args);
    } finally {
      Terminal.client(null);
    }
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
      FATAL.set(true);
      return reporter.onFatal(e, cli);
    }
  }
}
