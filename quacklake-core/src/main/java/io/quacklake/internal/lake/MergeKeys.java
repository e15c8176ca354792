package io.quacklake.internal.lake;

import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Key tuples of a merge and the filter that finds existing rows with those keys. */
final class MergeKeys {
  private MergeKeys() {}

  /** The key of a row, or null when a key column is NULL (such rows never match). */
  static List<Object> of(Object[] row, int[] keys) {
    List<Object> key = new ArrayList<>(keys.length);
    for (int k : keys) {
      Object v = row[k];
      if (v == null) {
        return null;
      }
      key.add(v instanceof byte[] b ? new BytesKey(b) : v);
    }
    return key;
  }

  /** One key column: {@code key IN (...)}; several: every row (matched by key afterwards). */
  static Expression filter(List<LakeColumn> columns, int[] keys, Collection<List<Object>> values) {
    if (keys.length > 1) {
      return null;
    }
    Object[] distinct = values.stream().map(v -> v.get(0)).distinct().toArray();
    return Expressions.col(columns.get(keys[0]).name()).in(distinct);
  }

  /** byte[] keys compared by content. */
  private record BytesKey(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof BytesKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }
}
