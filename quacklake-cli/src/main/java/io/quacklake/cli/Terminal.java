package io.quacklake.cli;

/** Facts about where output goes. */
final class Terminal {
  private Terminal() {}

  /** The requested format, or the default for stdout (table on a terminal, csv otherwise). */
  static OutputFormat format(OutputFormat requested) {
    return requested != null ? requested : OutputFormat.defaultFor(System.console() != null);
  }
}
