package io.quacklake.internal.catalog;

/** An inlined-data table registered for a table ({@code ducklake_inlined_data_tables}). */
public record InlinedTableRecord(long tableId, String tableName, long schemaVersion) {}
