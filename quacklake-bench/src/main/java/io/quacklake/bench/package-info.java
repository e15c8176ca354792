/**
 * On-demand benchmarks: the same workloads timed in Quacklake and in DuckDB (JDBC, built-in Parquet
 * reader and writer) in one run, on the same generated data and files, reported as ratios (DuckDB
 * time / Quacklake time) in {@code BENCHMARKS.md} and {@code bench-results.json}. Never part of the
 * test suite.
 */
package io.quacklake.bench;
