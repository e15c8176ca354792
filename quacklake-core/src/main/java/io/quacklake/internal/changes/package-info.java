/**
 * The change feed: the row-level changes of a table between two snapshots, worked out from the
 * catalog's file, delete-file and inlined rows and their snapshots, as DuckDB's {@code
 * ducklake_table_changes} works them out. Depends on the catalog gateways and the Parquet readers.
 */
package io.quacklake.internal.changes;
