package io.quacklake.internal.expr.scalar;

import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeType;
import org.apache.arrow.vector.FieldVector;

/** A column's values. */
record ColumnScalar(InputColumn input) implements Scalar {
  @Override
  public LakeType type() {
    return input.column().type();
  }

  @Override
  public Object[] evaluate(Rows rows) {
    FieldVector v = rows.vectors()[input.slot()];
    Object[] out = new Object[rows.count()];
    for (int i = 0; i < out.length; i++) {
      int row = rows.rows()[i];
      out[i] = v.isNull(row) ? null : ArrowValues.get(v, row);
    }
    return out;
  }

  @Override
  public boolean constant() {
    return false;
  }
}
