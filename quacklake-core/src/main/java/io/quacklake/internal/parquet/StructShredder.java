package io.quacklake.internal.parquet;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** Shreds a struct vector: each field at the same index, one definition level deeper. */
final class StructShredder extends Shredder {
  private final List<Shredder> fields;

  StructShredder(String name, boolean optional, int definition, List<Shredder> fields) {
    super(name, optional, definition);
    this.fields = List.copyOf(fields);
  }

  @Override
  void bind(FieldVector v) {
    super.bind(v);
    List<FieldVector> children = v.getChildrenFromFields();
    for (int i = 0; i < fields.size(); i++) {
      fields.get(i).bind(children.get(i));
    }
  }

  @Override
  void bindWriters(ParquetFileSink sink) {
    fields.forEach(f -> f.bindWriters(sink));
  }

  @Override
  void writePresent(int index, int repetition) {
    for (Shredder f : fields) {
      f.write(index, repetition);
    }
  }

  @Override
  void writeNull(int repetition, int definition) {
    for (Shredder f : fields) {
      f.writeNull(repetition, definition);
    }
  }
}
