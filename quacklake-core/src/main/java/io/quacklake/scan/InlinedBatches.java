package io.quacklake.scan;

import io.quacklake.catalog.InlinedRows;
import io.quacklake.text.DuckDbText;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
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
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(readColumns), allocator);
    try {
      for (int c = 0; c < readColumns.size(); c++) {
        LakeColumn column = readColumns.get(c);
        FieldVector vector = root.getVector(c);
        vector.allocateNew();
        Integer index = held.get(column.id());
        Object fill = index == null ? initialDefault(column) : null;
        for (int r = from; r < to; r++) {
          Object value = index == null ? fill : rows.values().get(r)[index];
          ArrowValues.set(vector, r - from, value);
        }
        vector.setValueCount(to - from);
      }
      root.setRowCount(to - from);
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  private static Object initialDefault(LakeColumn column) {
    return column.initialDefault() == null
        ? null
        : DuckDbText.parse(column.initialDefault(), column);
  }
}
