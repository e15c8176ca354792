package io.quacklake.internal.lake;

import io.quacklake.internal.parquet.DuckLakeSystemColumn;
import io.quacklake.types.ArrowRows;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * New versions of existing rows (updates, merges) as an Arrow batch in the table's layout plus the
 * {@code _ducklake_internal_row_id} column that keeps each row's id.
 */
final class RowVersions {
  private RowVersions() {}

  static VectorSchemaRoot batch(
      List<LakeColumn> columns, List<Object[]> rows, List<Long> rowIds, BufferAllocator allocator) {
    VectorSchemaRoot data = ArrowRows.of(columns, rows, allocator);
    BigIntVector ids = new BigIntVector(DuckLakeSystemColumn.ROW_ID.columnName(), allocator);
    ids.allocateNew(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      ids.set(r, rowIds.get(r));
    }
    ids.setValueCount(rows.size());
    List<FieldVector> all = new ArrayList<>(data.getFieldVectors());
    all.add(ids);
    VectorSchemaRoot root = new VectorSchemaRoot(all);
    root.setRowCount(rows.size());
    return root;
  }

  /** A value in the canonical form of its column (validated by a round trip through Arrow). */
  static Object canonical(Object value, LakeColumn column, BufferAllocator allocator) {
    if (value == null) {
      return null;
    }
    try (FieldVector v = ArrowTypes.field(column).createVector(allocator)) {
      v.allocateNew();
      ArrowValues.set(v, 0, value);
      v.setValueCount(1);
      return ArrowValues.get(v, 0);
    }
  }
}
