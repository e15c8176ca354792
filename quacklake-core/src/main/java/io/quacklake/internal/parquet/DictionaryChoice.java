package io.quacklake.internal.parquet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.util.ArrowBufPointer;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ElementAddressableVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Picks, from a file's first batch, the top-level primitive columns not worth a dictionary: those
 * whose sampled values are mostly distinct. parquet-java would otherwise build a dictionary for a
 * whole page of such a column, find it does not pay, and encode the page a second time.
 */
final class DictionaryChoice {
  /** Values sampled per column. */
  static final int SAMPLE = 4096;

  /** A column whose sample has more than this share of distinct values is written PLAIN. */
  static final double MAX_DISTINCT_SHARE = 0.5;

  private DictionaryChoice() {}

  /** Names of the columns of {@code batch} (leaf paths of top-level primitives) to write PLAIN. */
  static Set<String> plainColumns(VectorSchemaRoot batch, List<String> names) {
    Set<String> plain = new HashSet<>();
    List<FieldVector> vectors = batch.getFieldVectors();
    int rows = Math.min(batch.getRowCount(), SAMPLE);
    for (int c = 0; c < vectors.size() && c < names.size(); c++) {
      FieldVector v = vectors.get(c);
      if (v instanceof BitVector || !(v instanceof ElementAddressableVector addressable)) {
        continue;
      }
      Set<ArrowBufPointer> distinct = new HashSet<>();
      int present = 0;
      for (int i = 0; i < rows; i++) {
        if (!v.isNull(i)) {
          present++;
          distinct.add(addressable.getDataPointer(i));
        }
      }
      if (present > 0 && distinct.size() > MAX_DISTINCT_SHARE * present) {
        plain.add(names.get(c));
      }
    }
    return plain;
  }
}
