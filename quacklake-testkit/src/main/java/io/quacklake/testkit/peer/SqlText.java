package io.quacklake.testkit.peer;

/** Quoting of text and names in the SQL sent to the DuckDB peer. */
final class SqlText {
  private SqlText() {}

  /** A SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A double-quoted SQL identifier. */
  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
