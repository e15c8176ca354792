package io.quacklake.internal.catalog;

/** A view visible at a snapshot ({@code ducklake_view}). */
public record ViewRecord(
    long viewId,
    String schemaName,
    String name,
    String dialect,
    String sql,
    String columnAliases) {}
