/**
 * Computed values in filters: arithmetic, function calls, CASE, CAST and predicates over them,
 * typed and evaluated as DuckDB does (its implicit casts, overflow errors, NULL rules), one batch
 * at a time over the selected rows. {@link io.quacklake.internal.expr.scalar.ScalarBinder} turns an
 * {@link io.quacklake.expr.Expression} into a {@link io.quacklake.internal.expr.scalar.Scalar}; the
 * filter package folds constant scalars into literals (so they still prune) and evaluates the rest
 * as a residual filter. Values are the canonical Java values of {@link
 * io.quacklake.types.LakeValues}. Depends on {@code io.quacklake.expr}, {@code io.quacklake.types}
 * and Arrow vectors only.
 */
package io.quacklake.internal.expr.scalar;
