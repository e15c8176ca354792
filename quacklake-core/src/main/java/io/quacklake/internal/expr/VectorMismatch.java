package io.quacklake.internal.expr;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ArrowTypes;
import org.apache.arrow.vector.FieldVector;

/** The error for a batch vector whose Arrow type does not fit its column's DuckLake type. */
final class VectorMismatch {
  private VectorMismatch() {}

  static QuacklakeException of(ColumnSlot column, FieldVector v) {
    return QuacklakeException.invalid(
        "Cannot filter column %s (%s): the batch holds a %s vector, expected Arrow type %s",
        column,
        column.column().sqlTypeName(),
        v.getMinorType(),
        ArrowTypes.arrowType(column.column().type()));
  }
}
