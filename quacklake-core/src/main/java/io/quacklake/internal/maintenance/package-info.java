/**
 * Table maintenance with DuckDB's semantics: flushing inlined rows, merging adjacent files,
 * rewriting files with deleted rows, expiring snapshots and deleting retired and orphaned files.
 * Steps that change what snapshots hold commit through the transaction layer with the DuckLake
 * conflict rules; file deletion runs only after the catalog no longer refers to a file.
 */
package io.quacklake.internal.maintenance;
