package io.quacklake.internal.parquet;

import org.apache.parquet.column.values.ValuesReader;

/** The definition levels of a flat optional column's page, read as present/null flags. */
abstract class DefinitionLevels {
  /**
   * Marks the next {@code n} values present or null.
   *
   * @return how many of them are null
   */
  abstract int fill(boolean[] present, int n);

  /** Levels in the RLE/bit-packed hybrid encoding. */
  static DefinitionLevels of(HybridDecoder decoder, int maxDef) {
    return new DefinitionLevels() {
      @Override
      int fill(boolean[] present, int n) {
        return decoder.readPresence(present, n, maxDef);
      }
    };
  }

  /** Levels in another (deprecated) encoding, decoded by parquet-java's reader. */
  static DefinitionLevels of(ValuesReader reader, int maxDef) {
    return new DefinitionLevels() {
      @Override
      int fill(boolean[] present, int n) {
        int nulls = 0;
        for (int i = 0; i < n; i++) {
          boolean p = reader.readInteger() == maxDef;
          present[i] = p;
          nulls += p ? 0 : 1;
        }
        return nulls;
      }
    };
  }
}
