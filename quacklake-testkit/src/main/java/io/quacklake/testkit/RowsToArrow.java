package io.quacklake.testkit;

import io.quacklake.types.ArrowRows;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
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
    List<Object[]> values = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      values.add(columns.stream().map(c -> row.get(c.name())).toArray());
    }
    return new Batch(allocator, ArrowRows.of(columns, values, allocator));
  }
}
