/**
 * Turning a caller's data into DuckLake files before commit: aligning Arrow batches to a table's
 * columns (names, types, NOT NULL), writing Parquet data and delete files under new unique names,
 * finding the positions a delete hits, and the statistics text DuckDB stores. Nothing here touches
 * the catalog: a transaction's write settings arrive as one {@link
 * io.quacklake.internal.write.WriteContext}, and the transaction package commits what this package
 * wrote.
 */
package io.quacklake.internal.write;
