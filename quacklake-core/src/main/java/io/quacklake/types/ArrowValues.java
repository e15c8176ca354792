package io.quacklake.types;

import org.apache.arrow.vector.FieldVector;

/**
 * Reads and writes canonical Java values ({@link LakeValues}) from and to Arrow vectors built by
 * {@link ArrowTypes}. Not for hot paths: one object per value.
 */
public final class ArrowValues {
  private ArrowValues() {}

  /** The canonical value at {@code index}, or null. Nested vectors give List / Map values. */
  public static Object get(FieldVector vector, int index) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Sets {@code index} to a canonical value (null sets NULL), growing the vector as needed. The
   * caller sets the value count at the end.
   */
  public static void set(FieldVector vector, int index, Object value) {
    throw new UnsupportedOperationException("TODO");
  }
}
