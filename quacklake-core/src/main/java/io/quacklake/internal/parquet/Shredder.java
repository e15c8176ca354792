package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes one Arrow vector (a column or a nested field) into the Parquet leaf columns below it,
 * computing repetition and definition levels (Dremel shredding). Levels are fixed at construction
 * from the schema position; vectors are bound per batch and column writers per row group.
 */
abstract class Shredder {
  /** The column, for messages. */
  final String name;

  /** Whether this node is OPTIONAL in the Parquet schema. */
  final boolean optional;

  /** The definition level when this node is present (not NULL). */
  final int definition;

  FieldVector vector;

  Shredder(String name, boolean optional, int definition) {
    this.name = name;
    this.optional = optional;
    this.definition = definition;
  }

  /** Binds the vector of the next batch (and the matching child vectors). */
  void bind(FieldVector v) {
    this.vector = v;
  }

  /** Fetches the column writers of the sink's open row group. */
  abstract void bindWriters(ParquetFileSink sink);

  /** Writes the value at {@code index}, which starts a new record level at {@code repetition}. */
  final void write(int index, int repetition) {
    if (vector.isNull(index)) {
      if (!optional) {
        throw QuacklakeException.invalid(
            "column '%s' is NOT NULL but the batch holds NULL at index %d", name, index);
      }
      writeNull(repetition, definition - 1);
    } else {
      writePresent(index, repetition);
    }
  }

  abstract void writePresent(int index, int repetition);

  /** Writes an absent value at every leaf below this node. */
  abstract void writeNull(int repetition, int definition);

  /**
   * Builds the shredder tree of a column.
   *
   * @param parentDefinition the definition level at which the parent is present
   * @param repetitionDepth the repetition level of the innermost enclosing list or map
   * @param path the Parquet path of this node (column names, plus {@code list}/{@code key_value})
   */
  static Shredder of(
      LakeColumn c, int parentDefinition, int repetitionDepth, List<String> path, String name) {
    boolean optional = c.nullable();
    int def = parentDefinition + (optional ? 1 : 0);
    List<String> own = append(path, name);
    return switch (c.type().id()) {
      case STRUCT -> {
        List<Shredder> fields = new ArrayList<>();
        for (LakeColumn f : c.children()) {
          fields.add(of(f, def, repetitionDepth, own, f.name()));
        }
        yield new StructShredder(c.name(), optional, def, fields);
      }
      case LIST -> {
        List<String> list = append(own, "list");
        LakeColumn e = c.children().get(0);
        Shredder element = of(e, def + 1, repetitionDepth + 1, list, "element");
        yield new RepeatedShredder(c.name(), optional, def, repetitionDepth + 1, List.of(element));
      }
      case MAP -> {
        List<String> kv = append(own, "key_value");
        LakeColumn k = c.children().get(0);
        LakeColumn key =
            new LakeColumn(k.id(), k.name(), k.type(), false, null, null, k.children());
        Shredder keys = of(key, def + 1, repetitionDepth + 1, kv, "key");
        Shredder values = of(c.children().get(1), def + 1, repetitionDepth + 1, kv, "value");
        yield new RepeatedShredder(
            c.name(), optional, def, repetitionDepth + 1, List.of(keys, values));
      }
      case VARIANT -> new VariantShredder(c.name(), optional, def, own);
      default -> new PrimitiveShredder(c.name(), optional, def, c.type(), own);
    };
  }

  static List<String> append(List<String> parent, String name) {
    List<String> p = new ArrayList<>(parent.size() + 1);
    p.addAll(parent);
    p.add(name);
    return p;
  }
}
