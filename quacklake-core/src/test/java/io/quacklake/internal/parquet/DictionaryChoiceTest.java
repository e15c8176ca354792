package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class DictionaryChoiceTest {
  @Test
  void mostlyDistinctPrimitivesAreWrittenPlain() {
    List<LakeColumn> cols =
        List.of(
            LakeColumn.of(1, "unique_id", LakeType.of(TypeId.INT64)),
            LakeColumn.of(2, "country", LakeType.of(TypeId.VARCHAR)),
            LakeColumn.of(3, "session", LakeType.of(TypeId.VARCHAR)),
            LakeColumn.of(4, "mostly_null_unique", LakeType.of(TypeId.INT32)),
            LakeColumn.of(5, "flag", LakeType.of(TypeId.BOOLEAN)),
            LakeColumn.of(6, "price", LakeType.decimal(10, 2)),
            LakeColumn.of(7, "all_null", LakeType.of(TypeId.FLOAT64)));
    try (RootAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(cols), allocator)) {
      root.allocateNew();
      int rows = 10_000;
      for (int i = 0; i < rows; i++) {
        WriterTestVectors.set(root.getVector(0), i, (long) i);
        WriterTestVectors.set(root.getVector(1), i, "c" + (i % 8));
        WriterTestVectors.set(root.getVector(2), i, Integer.toHexString(i * 7919));
        WriterTestVectors.set(root.getVector(3), i, i % 10 == 0 ? i : null);
        WriterTestVectors.set(root.getVector(4), i, i % 2 == 0);
        WriterTestVectors.set(root.getVector(5), i, new java.math.BigDecimal(i % 30 + ".25"));
        WriterTestVectors.set(root.getVector(6), i, null);
      }
      root.setRowCount(rows);
      List<String> names = new ArrayList<>();
      cols.forEach(c -> names.add(c.name()));
      assertThat(DictionaryChoice.plainColumns(root, names))
          .containsExactlyInAnyOrder("unique_id", "session", "mostly_null_unique");
    }
  }
}
