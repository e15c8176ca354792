package io.quacklake.internal.expr;

/**
 * What is known about one column's values in a file or row group, for pruning. Every component may
 * be null (unknown). Values are canonical Java values of the column's type ({@link
 * io.quacklake.types.LakeValues}).
 *
 * @param min smallest non-NULL value, NaN excluded
 * @param max largest non-NULL value, NaN excluded
 * @param nullCount number of NULLs
 * @param valueCount number of non-NULL values (0 means every value is NULL)
 * @param containsNan whether a NaN occurs (floating columns)
 */
public record ColumnStats(
    Object min, Object max, Long nullCount, Long valueCount, Boolean containsNan) {

  public static final ColumnStats UNKNOWN = new ColumnStats(null, null, null, null, null);
}
