package io.quacklake.types;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Arrow batches from rows of canonical Java values ({@link LakeValues}), one array per row aligned
 * with the columns. For small data: inlined rows, row API inserts, tests. Not a hot path.
 */
public final class ArrowRows {
  private ArrowRows() {}

  /** A new batch of {@code columns} (fields from {@link ArrowTypes}); the caller closes it. */
  public static VectorSchemaRoot of(
      List<LakeColumn> columns, List<Object[]> rows, BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(columns), allocator);
    try {
      for (int c = 0; c < columns.size(); c++) {
        FieldVector vector = root.getVector(c);
        vector.allocateNew();
        for (int r = 0; r < rows.size(); r++) {
          ArrowValues.set(vector, r, rows.get(r)[c]);
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
