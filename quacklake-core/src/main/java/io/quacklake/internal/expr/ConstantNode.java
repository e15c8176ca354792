package io.quacklake.internal.expr;

import org.apache.arrow.vector.FieldVector;

/** TRUE for every row, or for none (FALSE and UNKNOWN). */
record ConstantNode(boolean value) implements Node {
  static final ConstantNode TRUE = new ConstantNode(true);
  static final ConstantNode FALSE = new ConstantNode(false);

  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    return value ? n : 0;
  }

  @Override
  public boolean mightMatch(StatsSource stats) {
    return value;
  }

  @Override
  public String toString() {
    return value ? "TRUE" : "FALSE";
  }
}
