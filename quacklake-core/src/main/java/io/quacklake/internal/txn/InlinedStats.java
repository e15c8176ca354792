package io.quacklake.internal.txn;

import io.quacklake.internal.types.GeometryStats;
import io.quacklake.internal.types.ValueOrder;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Column statistics of inlined rows: exact bounds for top-level primitive columns, unknown bounds
 * for the leaves of nested columns.
 */
final class InlinedStats {
  private InlinedStats() {}

  static Map<Long, ColumnStatsMerge.Added> of(List<LakeColumn> columns, List<Object[]> rows) {
    Map<Long, ColumnStatsMerge.Added> out = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      LakeColumn c = columns.get(i);
      if (c.type().id().isNested()) {
        for (LakeColumn leaf : Leaves.of(List.of(c))) {
          out.put(leaf.id(), new ColumnStatsMerge.Added(null, null, true, false, null, null));
        }
        continue;
      }
      out.put(c.id(), column(c, rows, i));
    }
    return out;
  }

  private static ColumnStatsMerge.Added column(LakeColumn c, List<Object[]> rows, int index) {
    if (c.type().id() == TypeId.GEOMETRY) {
      return geometry(rows, index);
    }
    Comparator<Object> order = ValueOrder.of(c.type());
    Object min = null;
    Object max = null;
    boolean nulls = false;
    boolean nan = false;
    for (Object[] row : rows) {
      Object v = row[index];
      if (v == null) {
        nulls = true;
      } else if (v instanceof Double d && d.isNaN()) {
        nan = true;
      } else {
        min = min == null || order.compare(v, min) < 0 ? v : min;
        max = max == null || order.compare(v, max) > 0 ? v : max;
      }
    }
    boolean allNull = min == null && !nan;
    return new ColumnStatsMerge.Added(
        min, max, nulls, allNull, c.type().id().isFloating() ? nan : null, null);
  }

  /** A geometry column: no bounds, its extent (unknown when a value has none). */
  private static ColumnStatsMerge.Added geometry(List<Object[]> rows, int index) {
    GeometryStats extent = null;
    boolean nulls = false;
    boolean values = false;
    boolean known = true;
    for (Object[] row : rows) {
      Object v = row[index];
      if (v == null) {
        nulls = true;
        continue;
      }
      values = true;
      GeometryStats one = GeometryStats.of(bytes(v));
      if (one == null) {
        known = false;
      } else {
        extent = extent == null ? one : extent.union(one);
      }
    }
    return new ColumnStatsMerge.Added(
        null, null, nulls, !values, null, known && extent != null ? extent.json() : null);
  }

  private static byte[] bytes(Object v) {
    if (v instanceof byte[] b) {
      return b;
    }
    java.nio.ByteBuffer buffer = ((java.nio.ByteBuffer) v).duplicate();
    byte[] b = new byte[buffer.remaining()];
    buffer.get(b);
    return b;
  }

  private static Boolean orNull(Boolean a, Boolean b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Boolean.valueOf(a || b);
  }

  /** Two additions to the same column as one. */
  static ColumnStatsMerge.Added combine(
      ColumnStatsMerge.Added a, ColumnStatsMerge.Added b, LakeColumn column) {
    Boolean nan = orNull(a.containsNan(), b.containsNan());
    boolean nulls = a.containsNull() || b.containsNull();
    if (a.allNull()) {
      return new ColumnStatsMerge.Added(b.min(), b.max(), nulls, b.allNull(), nan, b.extraStats());
    }
    if (b.allNull()) {
      return new ColumnStatsMerge.Added(a.min(), a.max(), nulls, false, nan, a.extraStats());
    }
    String extra = extra(a.extraStats(), b.extraStats());
    if (a.min() == null || b.min() == null || a.max() == null || b.max() == null) {
      return new ColumnStatsMerge.Added(null, null, nulls, false, nan, extra);
    }
    Comparator<Object> order = ValueOrder.of(column.type());
    return new ColumnStatsMerge.Added(
        order.compare(a.min(), b.min()) <= 0 ? a.min() : b.min(),
        order.compare(a.max(), b.max()) >= 0 ? a.max() : b.max(),
        nulls,
        false,
        nan,
        extra);
  }

  /** Two extents as one; unknown when either is. */
  private static String extra(String a, String b) {
    GeometryStats x = GeometryStats.parse(a);
    GeometryStats y = GeometryStats.parse(b);
    return x == null || y == null ? null : x.union(y).json();
  }
}
