package io.quacklake.parquet;

/** Placeholder until the parquet package lands. */
public record ParquetReadMetrics(
    long rowGroupsTotal,
    long rowGroupsRead,
    long rowGroupsSkipped,
    long rowsRead,
    long rowsDeleted) {}
