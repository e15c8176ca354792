package io.quacklake.internal.expr.scalar;

import org.apache.arrow.vector.FieldVector;

/**
 * The rows a scalar is evaluated for: {@code rows[0..count)} of a batch, whose columns are Arrow
 * vectors ({@code vectors}) or canonical values ({@code values[slot][row]}), by input slot.
 */
public record Rows(FieldVector[] vectors, Object[][] values, int[] rows, int count) {
  /** One row of no batch, for evaluating constants. */
  public static final Rows ONE = new Rows(new FieldVector[0], null, new int[] {0}, 1);

  /** The first {@code count} rows of {@code rows} of a batch of Arrow vectors. */
  public static Rows of(FieldVector[] vectors, int[] rows, int count) {
    return new Rows(vectors, null, rows, count);
  }

  /** Every row of columns of canonical values ({@code values[slot][row]}), {@code count} rows. */
  public static Rows ofValues(Object[][] values, int count) {
    int[] all = new int[count];
    for (int i = 0; i < count; i++) {
      all[i] = i;
    }
    return new Rows(null, values, all, count);
  }

  /** The subset of these rows at {@code positions[0..n)} (positions into {@link #rows}). */
  Rows subset(int[] positions, int n) {
    int[] picked = new int[n];
    for (int i = 0; i < n; i++) {
      picked[i] = rows[positions[i]];
    }
    return new Rows(vectors, values, picked, n);
  }
}
