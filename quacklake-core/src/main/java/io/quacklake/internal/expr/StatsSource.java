package io.quacklake.internal.expr;

/** Statistics of a file or a row group, by DuckLake column id. */
@FunctionalInterface
public interface StatsSource {
  /** The stats of a column, or {@link ColumnStats#UNKNOWN}; never null. */
  ColumnStats stats(long columnId);
}
