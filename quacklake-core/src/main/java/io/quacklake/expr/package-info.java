/**
 * Row filters: the expression tree ({@link io.quacklake.expr.Expression}, built with {@link
 * io.quacklake.expr.Expressions} or parsed from the SQL text of {@code docs/cli.md}), binding to a
 * table's columns with DuckDB's literal conversions ({@link
 * io.quacklake.internal.expr.BoundFilter#bind}), evaluation on Arrow batches and pruning by column
 * statistics. Owns no catalog access and no Parquet: callers hand in columns, batches and {@link
 * io.quacklake.internal.expr.StatsSource}s. Depends on {@code io.quacklake.types} and Arrow vectors
 * only.
 */
package io.quacklake.expr;
