package io.quacklake.cli;

import io.quacklake.CatalogLocations;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Prints one clear line per error on stderr and maps the error kind to the exit code. Every line
 * passes through {@link CatalogLocations#redact}, so no password a location or driver message holds
 * is shown.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  private final Main main;

  ErrorReporter(Main main) {
    this.main = main;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    boolean verbose = main.lakeOptions.verbose;
    ErrorKind kind = e instanceof QuacklakeException q ? q.kind() : ErrorKind.INTERNAL;
    String message =
        e.getMessage() != null
            ? e.getMessage()
            : "an unexpected error" + (verbose ? "" : "; run with --verbose for the stack trace");
    cli.getErr().println("quacklake: " + kindLabel(kind) + ": " + CatalogLocations.redact(message));
    if (verbose) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      cli.getErr().print(CatalogLocations.redact(trace.toString()));
      cli.getErr().flush();
    }
    return exitCode(kind);
  }

  /**
   * Reports an error of the virtual machine on one line; exits as an internal error.
   *
   * @return the exit code
   */
  int onFatal(VirtualMachineError e, CommandLine cli) {
    String what =
        e instanceof OutOfMemoryError
            ? "out of memory; give the JVM more (QUACKLAKE_JAVA_OPTS=-Xmx4g) or make the input"
                + " smaller"
            : e instanceof StackOverflowError
                ? "the input nests too deeply to process (stack overflow); simplify it"
                : "the Java virtual machine failed";
    cli.getErr().println("quacklake: " + kindLabel(ErrorKind.INTERNAL) + ": " + what);
    if (main.lakeOptions.verbose) {
      e.printStackTrace(cli.getErr());
    }
    return exitCode(ErrorKind.INTERNAL);
  }

  static int onBadArguments(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr()
        .println("quacklake: invalid arguments: " + CatalogLocations.redact(e.getMessage()));
    cli.getErr().println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    return exitCode(ErrorKind.INVALID_ARGUMENT);
  }

  /**
   * The exit code for an error of {@code kind}, as {@code docs/cli.md} lists them: 1 invalid (and
   * already exists), 2 not found, 3 conflict, 4 unavailable, 5 unsupported or corrupt, 70 internal
   * (and commit state unknown, which needs a person to look).
   */
  static int exitCode(ErrorKind kind) {
    return switch (kind) {
      case INVALID_ARGUMENT, ALREADY_EXISTS -> 1;
      case NOT_FOUND -> 2;
      case CONFLICT -> 3;
      case UNAVAILABLE -> 4;
      case UNSUPPORTED, CORRUPT -> 5;
      case COMMIT_STATE_UNKNOWN, INTERNAL -> 70;
    };
  }

  private static String kindLabel(ErrorKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
