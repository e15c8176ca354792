/**
 * Row filters as the API takes them: the expression tree ({@link io.quacklake.expr.Expression} and
 * its records), built with {@link io.quacklake.expr.Expressions} or parsed from the SQL text of
 * {@code docs/cli.md}. Public API; parsing, binding to columns, evaluation on Arrow and pruning by
 * statistics are in {@code io.quacklake.internal.expr}. Depends on {@code io.quacklake.types} only;
 * no catalog, no Parquet.
 */
package io.quacklake.expr;
