package io.quacklake.internal.expr;

import io.quacklake.types.LakeColumn;

/** A column a bound filter reads: its index among the filter's columns and its key space. */
record ColumnSlot(int slot, LakeColumn column, KeySpace space) {
  ColumnStats stats(StatsSource source) {
    ColumnStats s = source.stats(column.id());
    return s == null ? ColumnStats.UNKNOWN : s;
  }

  /** Whether the statistics say every value is NULL. */
  boolean allNull(StatsSource source) {
    Long values = stats(source).valueCount();
    return values != null && values == 0;
  }

  @Override
  public String toString() {
    return SqlText.identifier(column.name());
  }
}
