/**
 * Table scans: resolving a table at a snapshot, planning which files and inlined rows to read
 * (pruning by catalog statistics and partition values), and streaming the rows as Arrow batches
 * with deletes applied, the filter evaluated and the projection taken, reading files in parallel.
 * Uses the catalog, parquet and expr packages; holds no catalog SQL and no Parquet decoding.
 */
package io.quacklake.internal.scan;
