package io.quacklake.cli;

/** Facts about where output goes. */
final class Terminal {
  private Terminal() {}

  /** Rows the table format shows on a terminal unless --limit asks for another number. */
  static final int TABLE_ROWS = 40;

  /** Whether stdout is a terminal. */
  static boolean isTerminal() {
    return System.console() != null;
  }

  /** The requested format, or the default for stdout (table on a terminal, csv otherwise). */
  static OutputFormat format(OutputFormat requested) {
    return requested != null ? requested : OutputFormat.defaultFor(System.console() != null);
  }
}
