package io.quacklake;

import io.quacklake.text.DuckDbText;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Builds an Arrow batch in a table's layout from rows of plain Java values keyed by name. */
final class RowBatches {
  private RowBatches() {}

  static VectorSchemaRoot build(
      TableName table,
      List<LakeColumn> columns,
      List<? extends Map<String, ?>> rows,
      BufferAllocator allocator) {
    for (Map<String, ?> row : rows) {
      for (String key : row.keySet()) {
        if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(key))) {
          throw QuacklakeException.invalid(
              "table %s has no column '%s'; its columns are %s",
              table, key, columns.stream().map(LakeColumn::name).toList());
        }
      }
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(columns), allocator);
    try {
      for (int c = 0; c < columns.size(); c++) {
        LakeColumn column = columns.get(c);
        FieldVector vector = root.getVector(c);
        vector.allocateNew();
        Object fallback =
            column.defaultValue() == null ? null : DuckDbText.parse(column.defaultValue(), column);
        for (int r = 0; r < rows.size(); r++) {
          Map<String, ?> row = rows.get(r);
          Object value = fallback;
          for (Map.Entry<String, ?> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column.name())) {
              value = e.getValue();
            }
          }
          try {
            ArrowValues.set(vector, r, value);
          } catch (QuacklakeException e) {
            throw QuacklakeException.invalid(
                "row %d, column %s.%s: %s", r + 1, table, column.name(), e.getMessage());
          }
        }
        vector.setValueCount(rows.size());
      }
      root.setRowCount(rows.size());
      return root;
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }
}
