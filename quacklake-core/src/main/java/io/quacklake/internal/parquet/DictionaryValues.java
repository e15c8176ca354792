package io.quacklake.internal.parquet;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.io.api.Binary;

/**
 * A column chunk's dictionary decoded once into plain arrays, so that dictionary-encoded values are
 * looked up by index instead of through parquet-java's per-value objects.
 */
final class DictionaryValues {
  final int[] ints;
  final long[] longs;
  final float[] floats;
  final double[] doubles;
  final byte[] bytes;
  final int[] offsets;

  private DictionaryValues(
      int[] ints, long[] longs, float[] floats, double[] doubles, byte[] bytes, int[] offsets) {
    this.ints = ints;
    this.longs = longs;
    this.floats = floats;
    this.doubles = doubles;
    this.bytes = bytes;
    this.offsets = offsets;
  }

  static DictionaryValues of(
      DictionaryPage page, ColumnDescriptor descriptor, FlatColumnReader.Kind kind)
      throws java.io.IOException {
    Dictionary d = page.getEncoding().initDictionary(descriptor, page);
    int n = d.getMaxId() + 1;
    switch (kind) {
      case INT32 -> {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
          v[i] = d.decodeToInt(i);
        }
        return new DictionaryValues(v, null, null, null, null, null);
      }
      case INT64 -> {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = d.decodeToLong(i);
        }
        return new DictionaryValues(null, v, null, null, null, null);
      }
      case FLOAT -> {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = d.decodeToFloat(i);
        }
        return new DictionaryValues(null, null, v, null, null, null);
      }
      case DOUBLE -> {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = d.decodeToDouble(i);
        }
        return new DictionaryValues(null, null, null, v, null, null);
      }
      default -> {
        int[] offsets = new int[n + 1];
        Binary[] values = new Binary[n];
        for (int i = 0; i < n; i++) {
          values[i] = d.decodeToBinary(i);
          offsets[i + 1] = offsets[i] + values[i].length();
        }
        byte[] bytes = new byte[offsets[n]];
        for (int i = 0; i < n; i++) {
          values[i].toByteBuffer().get(bytes, offsets[i], values[i].length());
        }
        return new DictionaryValues(null, null, null, null, bytes, offsets);
      }
    }
  }
}
