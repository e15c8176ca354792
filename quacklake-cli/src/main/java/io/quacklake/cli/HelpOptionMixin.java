package io.quacklake.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} on a subcommand: its options and an example. */
final class HelpOptionMixin {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit")
  boolean help;
}
