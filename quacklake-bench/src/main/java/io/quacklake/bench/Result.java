package io.quacklake.bench;

/** One workload's outcome, as written to bench-results.json. */
record Result(
    String workload, int scale, Timing quacklake, Timing duckdb, long rows, long peakMemoryBytes) {

  /** DuckDB time / Quacklake time: above 1 means Quacklake is faster. */
  double ratio() {
    return duckdb == null ? Double.NaN : duckdb.median() / quacklake.median();
  }
}
