package io.quacklake.internal.write;

import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Allocates column ids as DuckDB does: depth-first, parents before children, from a starting id (1
 * for a new table, one past the largest id ever used for an added column).
 */
public final class ColumnIds {
  private ColumnIds() {}

  public static List<LakeColumn> assign(List<LakeColumn> columns, long firstId) {
    long[] next = {firstId};
    List<LakeColumn> out = new ArrayList<>(columns.size());
    for (LakeColumn c : columns) {
      out.add(assign(c, next));
    }
    return out;
  }

  private static LakeColumn assign(LakeColumn c, long[] next) {
    long id = next[0]++;
    List<LakeColumn> children = new ArrayList<>(c.children().size());
    for (LakeColumn child : c.children()) {
      children.add(assign(child, next));
    }
    return new LakeColumn(
        id, c.name(), c.type(), c.nullable(), c.initialDefault(), c.defaultValue(), children);
  }

  /** The largest id in a column tree. */
  public static long maxId(List<LakeColumn> columns) {
    long max = 0;
    for (LakeColumn c : columns) {
      max = Math.max(max, Math.max(c.id(), maxId(c.children())));
    }
    return max;
  }
}
