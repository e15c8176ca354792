package io.quacklake;

/**
 * A view visible at a snapshot. Quacklake lists views; it does not run their SQL.
 *
 * @param schema the schema
 * @param name the view name
 * @param dialect the SQL dialect (DuckDB writes {@code duckdb})
 * @param sql the view's query
 */
public record ViewInfo(String schema, String name, String dialect, String sql) {}
