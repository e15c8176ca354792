package io.quacklake.internal.parquet;

import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** Reads whole files in tests, checking that every Arrow buffer is released. */
final class Reads {
  private Reads() {}

  record Result(List<List<Object>> rows, ParquetReadMetrics metrics, Schema schema, int batches) {}

  static Result readAll(ParquetReadRequest request) {
    List<List<Object>> rows = new ArrayList<>();
    ParquetReadMetrics metrics;
    Schema schema;
    int batches = 0;
    try (RootAllocator allocator = new RootAllocator()) {
      try (ParquetBatchReader reader = ParquetBatchReader.open(request, allocator)) {
        schema = reader.root().getSchema();
        while (reader.loadNextBatch()) {
          batches++;
          if (reader.root().getRowCount() > request.batchSize()) {
            throw new AssertionError("batch larger than batchSize");
          }
          rows.addAll(VectorValues.rows(reader.root()));
        }
        metrics = reader.metrics();
      }
    }
    return new Result(rows, metrics, schema, batches);
  }

  static LakeColumn col(long id, String name, String type) {
    return LakeColumn.of(id, name, LakeType.parse(type));
  }

  static LakeColumn col(long id, String name, String type, LakeColumn... children) {
    return new LakeColumn(id, name, LakeType.parse(type), true, null, null, List.of(children));
  }

  static LakeColumn withDefault(LakeColumn c, String initialDefault) {
    return new LakeColumn(
        c.id(), c.name(), c.type(), c.nullable(), initialDefault, c.defaultValue(), c.children());
  }
}
