package io.quacklake.internal.parquet;

import io.quacklake.internal.expr.StatsSource;

/** Decides from a row group's footer statistics whether the row group may hold matching rows. */
@FunctionalInterface
public interface RowGroupFilter {
  /**
   * Returns false only when no row of the row group can match; the reader then skips it without
   * reading its pages.
   *
   * @param stats statistics of the requested top-level primitive columns, by column id, as
   *     canonical values of each column's type; {@link
   *     io.quacklake.internal.expr.ColumnStats#UNKNOWN} for other columns and where the file's
   *     statistics cannot be trusted
   * @param rowCount the number of rows in the row group
   */
  boolean mightMatch(StatsSource stats, long rowCount);
}
