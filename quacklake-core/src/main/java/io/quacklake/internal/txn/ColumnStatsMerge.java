package io.quacklake.internal.txn;

import io.quacklake.internal.catalog.TableStatsWrites.ColumnStatsRow;
import io.quacklake.internal.types.GeometryStats;
import io.quacklake.internal.types.ValueOrder;
import io.quacklake.internal.write.StatsText;
import io.quacklake.types.LakeColumn;
import java.util.Comparator;

/**
 * Widens a table's column statistics with new data. Min and max stay exact: when the new data's
 * bounds are unknown, the table's become unknown (NULL) rather than wrong, since DuckDB answers
 * MIN/MAX from them; NULL bounds with earlier data mean "no non-NULL value yet".
 */
public final class ColumnStatsMerge {
  private ColumnStatsMerge() {}

  /**
   * New data of one leaf column: its bounds (null = unknown unless allNull), flags, and a geometry
   * column's extent ({@code extra_stats} text; null = unknown unless allNull).
   */
  public record Added(
      Object min,
      Object max,
      boolean containsNull,
      boolean allNull,
      Boolean containsNan,
      String extraStats) {}

  public static ColumnStatsRow merge(ColumnStatsRow old, Added added, LakeColumn column) {
    boolean containsNull = added.containsNull() || (old != null && old.containsNull());
    Boolean nan = or(old == null ? null : old.containsNan(), added.containsNan());
    String extra = extra(old, added, column);
    if (added.allNull()) {
      return old == null
          ? new ColumnStatsRow(true, nan, null, null, extra)
          : new ColumnStatsRow(true, nan, old.minValue(), old.maxValue(), extra);
    }
    if (added.min() == null || added.max() == null) {
      return new ColumnStatsRow(containsNull, nan, null, null, extra);
    }
    if (old == null || old.minValue() == null || old.maxValue() == null) {
      return row(containsNull, nan, added.min(), added.max(), column, extra);
    }
    Comparator<Object> order = ValueOrder.of(column.type());
    try {
      Object oldMin = StatsText.parse(old.minValue(), column);
      Object oldMax = StatsText.parse(old.maxValue(), column);
      Object min = order.compare(added.min(), oldMin) < 0 ? added.min() : oldMin;
      Object max = order.compare(added.max(), oldMax) > 0 ? added.max() : oldMax;
      return row(containsNull, nan, min, max, column, extra);
    } catch (RuntimeException unreadable) {
      return new ColumnStatsRow(containsNull, nan, null, null, extra);
    }
  }

  /**
   * A geometry column's widened extent: the union of the old and the added one; unknown (null) once
   * either is unknown, since an extent must hold every value. Other columns keep theirs.
   */
  private static String extra(ColumnStatsRow old, Added added, LakeColumn column) {
    String before = old == null ? null : old.extraStats();
    if (column.type().id() != io.quacklake.types.TypeId.GEOMETRY || added.allNull()) {
      return before;
    }
    GeometryStats now = GeometryStats.parse(added.extraStats());
    if (now == null) {
      return null;
    }
    if (old == null) {
      return now.json();
    }
    GeometryStats was = GeometryStats.parse(before);
    return was == null ? null : was.union(now).json();
  }

  /** The row with bounded stats text (see {@link StatsText#bounds}). */
  private static ColumnStatsRow row(
      boolean containsNull, Boolean nan, Object min, Object max, LakeColumn column, String extra) {
    StatsText.Bounds bounds = StatsText.bounds(min, max, column);
    return new ColumnStatsRow(containsNull, nan, bounds.min(), bounds.max(), extra);
  }

  private static Boolean or(Boolean a, Boolean b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a || b;
  }
}
