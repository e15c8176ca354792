package io.quacklake.cli;

/** The {@code --format} values of {@code docs/cli.md}. */
enum OutputFormat {
  table,
  csv,
  json,
  parquet,
  arrow;

  /** {@code table} on a terminal, {@code csv} otherwise. */
  static OutputFormat defaultFor(boolean terminal) {
    return terminal ? table : csv;
  }
}
