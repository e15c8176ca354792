package io.quacklake.internal.text;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** One-cell Arrow vectors for tests. */
final class VectorCells {
  private VectorCells() {}

  /** Writes {@code value} into a fresh one-row vector and renders it. */
  static String render(BufferAllocator allocator, LakeColumn column, Object value) {
    try (FieldVector v = ArrowTypes.field(column).createVector(allocator)) {
      v.allocateNew();
      ArrowValues.set(v, 0, value);
      v.setValueCount(1);
      return DuckDbText.render(v, 0);
    }
  }
}
