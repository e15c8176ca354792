package io.quacklake.bench;

/**
 * Per-commit latencies of the two commit sizes, one sample per commit.
 *
 * @param oneRow commits of one row
 * @param tenThousandRows commits of 10,000 rows
 */
record Latencies(Timing oneRow, Timing tenThousandRows) {}
