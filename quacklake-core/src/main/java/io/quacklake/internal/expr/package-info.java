/**
 * Filters at work: parsing the SQL text, binding an expression to a table's columns with DuckDB's
 * literal conversions ({@link io.quacklake.internal.expr.BoundFilter#bind}), evaluation on Arrow
 * batches and pruning by column statistics ({@link io.quacklake.internal.expr.StatsSource}).
 * Implementation; owns no catalog access and no Parquet: callers hand in columns, batches and
 * statistics. Depends on {@code io.quacklake.expr}, {@code io.quacklake.types} (and their internal
 * halves) and Arrow vectors only.
 */
package io.quacklake.internal.expr;
