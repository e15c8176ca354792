package io.quacklake.cli;

/** Facts about where output goes. */
final class Terminal {
  private Terminal() {}

  /** Rows the table format shows on a terminal unless --limit asks for another number. */
  static final int TABLE_ROWS = 40;

  /**
   * The client's answer while a warm process runs a command for it; null in a process of its own.
   */
  private static volatile Boolean client;

  /** Whether stdout is a terminal. */
  static boolean isTerminal() {
    Boolean c = client;
    return c != null ? c : System.console() != null;
  }

  /** Sets (or, with null, clears) whether the client a warm process serves has a terminal. */
  static void client(Boolean console) {
    client = console;
  }

  /** The requested format, or the default for stdout (table on a terminal, csv otherwise). */
  static OutputFormat format(OutputFormat requested) {
    return requested != null ? requested : OutputFormat.defaultFor(isTerminal());
  }
}
