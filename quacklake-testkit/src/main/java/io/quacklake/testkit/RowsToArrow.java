package io.quacklake.testkit;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Builds an Arrow batch of a table's columns from rows of plain Java values, for tests. */
public final class RowsToArrow {
  private RowsToArrow() {}

  /** A batch and the allocator that owns it; close it when done. */
  public record Batch(RootAllocator allocator, VectorSchemaRoot root) implements AutoCloseable {
    @Override
    public void close() {
      root.close();
      allocator.close();
    }
  }

  public static Batch batch(List<LakeColumn> columns, List<Map<String, Object>> rows) {
    RootAllocator allocator = new RootAllocator();
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(columns), allocator);
    for (int c = 0; c < columns.size(); c++) {
      FieldVector v = root.getVector(c);
      v.allocateNew();
      for (int r = 0; r < rows.size(); r++) {
        ArrowValues.set(v, r, rows.get(r).get(columns.get(c).name()));
      }
      v.setValueCount(rows.size());
    }
    root.setRowCount(rows.size());
    return new Batch(allocator, root);
  }
}
