package io.quacklake.internal.scan;

import io.quacklake.internal.catalog.InlinedRows;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Builds Arrow batches of the read columns from rows inlined in the catalog. */
final class InlinedBatches {
  private InlinedBatches() {}

  /** A batch of rows [from, to) of {@code rows}; columns the rows lack take their defaults. */
  static VectorSchemaRoot build(
      InlinedRows rows, List<LakeColumn> readColumns, int from, int to, BufferAllocator allocator) {
    Map<Long, Integer> held = new HashMap<>();
    for (int i = 0; i < rows.columns().size(); i++) {
      held.put(rows.columns().get(i).id(), i);
    }
    Object[] fill = new Object[readColumns.size()];
    for (int c = 0; c < fill.length; c++) {
      if (!held.containsKey(readColumns.get(c).id())) {
        fill[c] = initialDefault(readColumns.get(c));
      }
    }
    List<Object[]> values = new ArrayList<>(to - from);
    for (int r = from; r < to; r++) {
      Object[] row = fill.clone();
      for (int c = 0; c < row.length; c++) {
        Integer index = held.get(readColumns.get(c).id());
        if (index != null) {
          row[c] = rows.values().get(r)[index];
        }
      }
      values.add(row);
    }
    return ArrowRows.of(readColumns, values, allocator);
  }

  private static Object initialDefault(LakeColumn column) {
    return column.initialDefault() == null
        ? null
        : DuckDbText.parse(column.initialDefault(), column);
  }
}
