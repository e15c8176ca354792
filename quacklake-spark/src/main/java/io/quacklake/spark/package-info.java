/**
 * Apache Spark's DataSource V2 catalog over Quacklake: DuckLake schemas as namespaces and tables
 * Spark SQL reads (with column pruning, predicate push-down and time travel) and appends to in one
 * DuckLake commit per job. Reads and writes go through Quacklake's public {@code ScanTask} and
 * {@code WriteTask}; executors never open the catalog.
 */
package io.quacklake.spark;
