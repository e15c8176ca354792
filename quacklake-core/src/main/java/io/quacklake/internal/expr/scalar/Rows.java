package io.quacklake.internal.expr.scalar;

import org.apache.arrow.vector.FieldVector;

/**
 * The rows a scalar is evaluated for: {@code rows[0..count)} of a batch whose vectors are given by
 * input slot.
 */
public record Rows(FieldVector[] vectors, int[] rows, int count) {
  /** One row of no batch, for evaluating constants. */
  public static final Rows ONE = new Rows(new FieldVector[0], new int[] {0}, 1);

  /** The subset of these rows at {@code positions[0..n)} (positions into {@link #rows}). */
  Rows subset(int[] positions, int n) {
    int[] picked = new int[n];
    for (int i = 0; i < n; i++) {
      picked[i] = rows[positions[i]];
    }
    return new Rows(vectors, picked, n);
  }
}
