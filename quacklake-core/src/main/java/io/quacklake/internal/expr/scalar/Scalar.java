package io.quacklake.internal.expr.scalar;

import io.quacklake.types.LakeType;

/** A bound value expression: its DuckDB type and its values for a batch's selected rows. */
public interface Scalar {
  /** The result type; null for an untyped NULL literal. */
  LakeType type();

  /**
   * The value for each of {@code rows}, as canonical Java values (null for NULL).
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT when a row makes the
   *     expression fail as it would in DuckDB (an overflow, a failed cast)
   */
  Object[] evaluate(Rows rows);

  /** Whether the value depends on no column (it may still depend on the time, as now()). */
  boolean constant();

  /** The value of a {@link #constant()} scalar. */
  default Object value() {
    return evaluate(Rows.ONE)[0];
  }
}
