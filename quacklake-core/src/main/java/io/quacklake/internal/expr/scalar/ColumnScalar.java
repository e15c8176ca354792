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
    Object[] out = new Object[rows.count()];
    if (rows.values() != null) {
      Object[] column = rows.values()[input.slot()];
      for (int i = 0; i < out.length; i++) {
        out[i] = column[rows.rows()[i]];
      }
      return out;
    }
    FieldVector v = rows.vectors()[input.slot()];
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
