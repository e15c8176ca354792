package io.quacklake.internal.expr.scalar;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeType;

/**
 * A value converted to another type, explicitly ({@code CAST}, {@code ::}) or implicitly (to the
 * common type of a comparison); {@code lenient} ({@code TRY_CAST}) gives NULL where the value does
 * not convert.
 */
record CastScalar(Scalar operand, LakeType type, boolean lenient) implements Scalar {
  @Override
  public Object[] evaluate(Rows rows) {
    Object[] v = operand.evaluate(rows);
    LakeType from = operand.type();
    for (int i = 0; i < v.length; i++) {
      if (v[i] == null) {
        continue;
      }
      try {
        v[i] = Conversions.convert(v[i], from, type);
      } catch (QuacklakeException e) {
        if (!lenient) {
          throw e;
        }
        v[i] = null;
      }
    }
    return v;
  }

  @Override
  public boolean constant() {
    return operand.constant();
  }
}
