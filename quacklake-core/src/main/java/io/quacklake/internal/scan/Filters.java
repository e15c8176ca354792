package io.quacklake.internal.scan;

import io.quacklake.expr.Expression;
import io.quacklake.internal.catalog.StatsBound;
import io.quacklake.internal.expr.BoundFilter;
import io.quacklake.internal.expr.Selection;
import io.quacklake.internal.expr.StatsSource;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Binds a filter expression to a table's columns for scanning. */
public final class Filters {
  private Filters() {}

  /** The row filter of {@code expression} (null keeps every row). */
  public static RowFilter bind(Expression expression, List<LakeColumn> columns) {
    if (expression == null) {
      return RowFilter.ALL;
    }
    BoundFilter bound = BoundFilter.bind(expression, columns);
    if (bound.isAlwaysTrue()) {
      return RowFilter.ALL;
    }
    List<StatsBound> ranges = IntegerRanges.of(expression, columns);
    Map<Long, List<Object>> equalities = EqualityCandidates.of(expression, columns);
    return new RowFilter() {
      @Override
      public Map<Long, List<Object>> equalityValues() {
        return equalities;
      }

      @Override
      public List<StatsBound> integerRanges() {
        return ranges;
      }

      @Override
      public Set<Long> columnIds() {
        return bound.referencedColumnIds();
      }

      @Override
      public boolean mightMatch(StatsSource stats) {
        return bound.mightMatch(stats);
      }

      @Override
      public int[] select(VectorSchemaRoot batch) {
        Selection s = bound.select(batch);
        return s.count() == batch.getRowCount() ? null : s.toArray();
      }
    };
  }
}
