package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.StatsBound;
import io.quacklake.internal.expr.StatsSource;
import io.quacklake.internal.parquet.RowPredicate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A filter bound to a table's columns, as the scan uses it. */
public interface RowFilter extends RowPredicate {
  /** Columns the filter reads. */
  @Override
  Set<Long> columnIds();

  /** False only when no row described by the stats can match. */
  boolean mightMatch(StatsSource stats);

  /** The indices of matching rows, ascending; null when every row matches. */
  @Override
  int[] select(VectorSchemaRoot batch);

  /** Integer ranges the catalog query can prune files by (see {@link IntegerRanges}). */
  default List<StatsBound> integerRanges() {
    return List.of();
  }

  /**
   * Per column id, the values a matching row's value is one of (see {@link EqualityCandidates}):
   * what bucket partitions are pruned by.
   */
  default Map<Long, List<Object>> equalityValues() {
    return Map.of();
  }

  /** A filter that keeps every row. */
  RowFilter ALL =
      new RowFilter() {
        @Override
        public Set<Long> columnIds() {
          return Set.of();
        }

        @Override
        public boolean mightMatch(StatsSource stats) {
          return true;
        }

        @Override
        public int[] select(VectorSchemaRoot batch) {
          return null;
        }
      };
}
