/**
 * DuckDB's text forms of values: the {@code CAST(x AS VARCHAR)} text that DuckDB stores for column
 * defaults, statistics and inlined rows in SQLite/PostgreSQL catalogs, and the {@code to_json(x)}
 * text used to compare nested values with DuckDB's answers. {@link
 * io.quacklake.internal.text.DuckDbText} is the entry point. Depends on {@code io.quacklake.types}
 * and Arrow vectors only.
 */
package io.quacklake.internal.text;
