package io.quacklake.internal.parquet;

import java.util.List;
import org.apache.arrow.vector.VarCharVector;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.variant.Variant;

/**
 * Shreds a VARIANT column (JSON text in Arrow) into an unshredded Parquet variant group: {@code
 * metadata} and {@code value}, both required inside the column's group.
 */
final class VariantShredder extends Shredder {
  private final ColumnPath metadataPath;
  private final ColumnPath valuePath;
  private ColumnWriter metadata;
  private ColumnWriter value;

  VariantShredder(String name, boolean optional, int definition, List<String> path) {
    super(name, optional, definition);
    this.metadataPath = ColumnPath.get(Shredder.append(path, "metadata").toArray(String[]::new));
    this.valuePath = ColumnPath.get(Shredder.append(path, "value").toArray(String[]::new));
  }

  @Override
  void bindWriters(ParquetFileSink sink) {
    metadata = sink.writer(metadataPath);
    value = sink.writer(valuePath);
  }

  @Override
  void writePresent(int index, int repetition) {
    String json =
        new String(((VarCharVector) vector).get(index), java.nio.charset.StandardCharsets.UTF_8);
    Variant v = VariantEncoder.encode(json, name);
    if (v.getType() == Variant.Type.NULL) {
      // a variant null is NULL (as DuckDB takes it): stored so, the column's null count knows it
      writeNull(repetition, definition - 1);
      return;
    }
    metadata.write(Binary.fromConstantByteBuffer(v.getMetadataBuffer()), repetition, definition);
    value.write(Binary.fromConstantByteBuffer(v.getValueBuffer()), repetition, definition);
  }

  @Override
  void writeNull(int repetition, int definition) {
    metadata.writeNull(repetition, definition);
    value.writeNull(repetition, definition);
  }
}
