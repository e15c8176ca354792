package io.quacklake.internal.parquet;

import io.quacklake.types.LakeType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.hadoop.metadata.ColumnPath;

/** Shreds a primitive vector into its Parquet leaf column. */
final class PrimitiveShredder extends Shredder {
  private final LakeType type;
  private final ColumnPath path;
  private ColumnWriter writer;
  private LeafEmitter emitter;

  PrimitiveShredder(
      String name, boolean optional, int definition, LakeType type, List<String> path) {
    super(name, optional, definition);
    this.type = type;
    this.path = ColumnPath.get(path.toArray(String[]::new));
  }

  @Override
  void bind(FieldVector v) {
    super.bind(v);
    emitter = LeafEmitter.of(type, v, name);
  }

  @Override
  void bindWriters(ParquetFileSink sink) {
    writer = sink.writer(path);
  }

  @Override
  void writePresent(int index, int repetition) {
    emitter.emit(writer, index, repetition, definition);
  }

  @Override
  void writeNull(int repetition, int definition) {
    writer.writeNull(repetition, definition);
  }
}
