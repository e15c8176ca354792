package io.quacklake.internal.lake;

import io.quacklake.TableName;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
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
    List<Object[]> values = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = new Object[columns.size()];
      for (int c = 0; c < row.length; c++) {
        LakeColumn column = columns.get(c);
        row[c] =
            column.defaultValue() == null ? null : DuckDbText.parse(column.defaultValue(), column);
        for (Map.Entry<String, ?> e : rows.get(r).entrySet()) {
          if (e.getKey().equalsIgnoreCase(column.name())) {
            row[c] = e.getValue();
          }
        }
      }
      values.add(row);
    }
    try {
      return ArrowRows.of(columns, values, allocator);
    } catch (QuacklakeException e) {
      throw QuacklakeException.invalid(
          "rows for %s do not fit its columns: %s", table, e.getMessage());
    }
  }
}
