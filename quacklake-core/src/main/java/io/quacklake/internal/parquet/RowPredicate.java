package io.quacklake.internal.parquet;

import java.util.Set;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A row-level condition on a few columns that a reader may evaluate before decoding the rest (late
 * materialization): the other columns are then decoded for matching rows only.
 */
public interface RowPredicate {
  /** Ids of the columns the predicate reads. */
  Set<Long> columnIds();

  /**
   * The indices of matching rows, ascending; null when every row matches. Only the columns named by
   * {@link #columnIds()} are guaranteed to be filled in {@code batch}.
   */
  int[] select(VectorSchemaRoot batch);
}
