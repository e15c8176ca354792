package io.quacklake.internal.catalog;

/** One key of a partition spec ({@code ducklake_partition_column}). */
public record PartitionColumnRecord(
    long partitionId, int keyIndex, long columnId, String transform) {}
