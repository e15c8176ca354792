/**
 * The {@code quacklake} command line: a thin face over the library following the contract in {@code
 * docs/cli.md} (locations, options, output formats, exit codes). Uses picocli; holds no catalog or
 * Parquet logic of its own.
 */
package io.quacklake.cli;
