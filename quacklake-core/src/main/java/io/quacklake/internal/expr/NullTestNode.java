package io.quacklake.internal.expr;

import org.apache.arrow.vector.FieldVector;

/** {@code column IS NULL} ({@code wantNull}) or {@code column IS NOT NULL}. */
record NullTestNode(ColumnSlot column, boolean wantNull) implements Node {
  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    FieldVector v = vectors[column.slot()];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int row = rows[i];
      if (v.isNull(row) == wantNull) {
        rows[k++] = row;
      }
    }
    return k;
  }

  @Override
  public boolean mightMatch(StatsSource source) {
    ColumnStats s = column.stats(source);
    Long count = wantNull ? s.nullCount() : s.valueCount();
    return count == null || count > 0;
  }

  @Override
  public String toString() {
    return column + (wantNull ? " IS NULL" : " IS NOT NULL");
  }
}
