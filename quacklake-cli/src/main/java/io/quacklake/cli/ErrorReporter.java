package io.quacklake.cli;

import io.quacklake.ErrorKind;
import io.quacklake.QuacklakeException;
import io.quacklake.catalog.Redaction;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Prints one clear line per error on stderr and maps the error kind to the exit code. Every line
 * passes through {@link Redaction}, so no password a location or driver message holds is shown.
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
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    cli.getErr().println("quacklake: " + kindLabel(kind) + ": " + Redaction.redact(message));
    if (verbose) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      cli.getErr().print(Redaction.redact(trace.toString()));
      cli.getErr().flush();
    }
    return kind.exitCode();
  }

  static int onBadArguments(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("quacklake: invalid arguments: " + Redaction.redact(e.getMessage()));
    cli.getErr().println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ErrorKind.INVALID_ARGUMENT.exitCode();
  }

  private static String kindLabel(ErrorKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
