package io.quacklake.bench;

import java.util.List;

/**
 * A generated part of BENCHMARKS.md below the main table (heading, table and prose) with the rows
 * it adds to bench-results.json.
 */
record Section(String markdown, List<Result> results) {}
