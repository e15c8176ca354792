package io.quacklake.parquet;

import io.quacklake.expr.StatsSource;

/** Placeholder until the parquet package lands. */
@FunctionalInterface
public interface RowGroupFilter {
  boolean mightMatch(StatsSource stats, long rowCount);
}
