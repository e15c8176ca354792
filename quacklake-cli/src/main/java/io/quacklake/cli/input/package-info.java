/**
 * Input files of {@code quacklake append}: CSV, JSON lines, Parquet and Arrow IPC read as Arrow
 * batches in a table's layout, with errors naming the file, line and column. Hands batches to a
 * caller's sink (the CLI passes them to {@code Transaction.append}); opens no lake and commits
 * nothing. Depends on the library's types, text and Parquet reader, commons-csv and Jackson.
 */
package io.quacklake.cli.input;
