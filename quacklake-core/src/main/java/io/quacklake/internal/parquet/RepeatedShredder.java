package io.quacklake.internal.parquet;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;

/**
 * Shreds a list vector (child: the element) or a map vector (children: key and value of the entries
 * struct). An empty list or map writes one absent slot at this node's definition level.
 */
final class RepeatedShredder extends Shredder {
  private final int repetitionLevel;
  private final List<Shredder> children;
  private ArrowBuf offsets;

  RepeatedShredder(
      String name, boolean optional, int definition, int repetitionLevel, List<Shredder> children) {
    super(name, optional, definition);
    this.repetitionLevel = repetitionLevel;
    this.children = List.copyOf(children);
  }

  @Override
  void bind(FieldVector v) {
    super.bind(v);
    ListVector list = (ListVector) v;
    offsets = list.getOffsetBuffer();
    FieldVector data = list.getDataVector();
    if (v instanceof MapVector) {
      List<FieldVector> entries = data.getChildrenFromFields();
      children.get(0).bind(entries.get(0));
      children.get(1).bind(entries.get(1));
    } else {
      children.get(0).bind(data);
    }
  }

  @Override
  void bindWriters(ParquetFileSink sink) {
    children.forEach(c -> c.bindWriters(sink));
  }

  @Override
  void writePresent(int index, int repetition) {
    int start = offsets.getInt((long) index * ListVector.OFFSET_WIDTH);
    int end = offsets.getInt((long) (index + 1) * ListVector.OFFSET_WIDTH);
    if (start == end) {
      writeNull(repetition, definition);
      return;
    }
    for (int j = start; j < end; j++) {
      int r = j == start ? repetition : repetitionLevel;
      for (Shredder c : children) {
        c.write(j, r);
      }
    }
  }

  @Override
  void writeNull(int repetition, int definition) {
    for (Shredder c : children) {
      c.writeNull(repetition, definition);
    }
  }
}
