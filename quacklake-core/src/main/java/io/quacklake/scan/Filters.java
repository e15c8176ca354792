package io.quacklake.scan;

import io.quacklake.expr.Expression;
import io.quacklake.types.LakeColumn;
import java.util.List;

/** Binds a filter expression to a table's columns for scanning. */
public final class Filters {
  private Filters() {}

  /** The row filter of {@code expression} (null keeps every row). */
  public static RowFilter bind(Expression expression, List<LakeColumn> columns) {
    if (expression == null) {
      return RowFilter.ALL;
    }
    throw new UnsupportedOperationException("TODO");
  }
}
