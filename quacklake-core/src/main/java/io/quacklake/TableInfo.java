package io.quacklake;

/**
 * A table visible at a snapshot.
 *
 * @param name its qualified name
 * @param tableId the DuckLake table id
 */
public record TableInfo(TableName name, long tableId) {}
