package io.quacklake.internal.catalog;

/**
 * A range every wanted value of an integer column lies in: files whose statistics for the column
 * fall wholly outside it can be skipped by the catalog query itself.
 *
 * @param columnId the column
 * @param low smallest wanted value, inclusive ({@link Long#MIN_VALUE}: unbounded)
 * @param high largest wanted value, inclusive ({@link Long#MAX_VALUE}: unbounded)
 */
public record StatsBound(long columnId, long low, long high) {
  StatsBound intersect(StatsBound other) {
    return new StatsBound(columnId, Math.max(low, other.low), Math.min(high, other.high));
  }

  /** Merges bounds of the same column into one each. */
  public static java.util.List<StatsBound> merged(java.util.List<StatsBound> bounds) {
    java.util.Map<Long, StatsBound> byColumn = new java.util.LinkedHashMap<>();
    bounds.forEach(b -> byColumn.merge(b.columnId(), b, StatsBound::intersect));
    return java.util.List.copyOf(byColumn.values());
  }
}
