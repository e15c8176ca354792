package io.quacklake.internal.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;

/**
 * The non-null values of one data page, taken in order. PLAIN and dictionary pages are decoded here
 * straight from the page bytes; other encodings go through parquet-java's values readers.
 */
abstract class PageValues {
  /** Announces that the next {@code count} values will be taken. */
  void prepare(int count) {}

  abstract int nextInt();

  abstract long nextLong();

  abstract float nextFloat();

  abstract double nextDouble();

  /** Writes the next byte array into {@code writer} at {@code index}. */
  abstract void nextBytes(LeafWriter.BytesWriter writer, int index);

  /** Passes over the next {@code n} values of {@code kind} without storing them. */
  abstract void skip(int n, FlatColumnReader.Kind kind);

  boolean nextBoolean() {
    throw new ParquetDecodingException("boolean values must be PLAIN or RLE encoded");
  }

  /**
   * Copies the next {@code n} values of a fixed-width {@code kind} into {@code dst} at byte {@code
   * offset}, little-endian, as Arrow stores them.
   */
  abstract void copyTo(ArrowBuf dst, long offset, int n, FlatColumnReader.Kind kind);

  /**
   * Stores the next values of a fixed-width {@code kind} into the slots {@code at + i} of {@code
   * dst} for which {@code present[i]} holds, {@code i < n}; other slots are left alone.
   */
  void scatterTo(ArrowBuf dst, int at, boolean[] present, int n, FlatColumnReader.Kind kind) {
    long width = kind.width;
    for (int i = 0; i < n; i++) {
      if (present[i]) {
        copyTo(dst, (at + i) * width, 1, kind);
      }
    }
  }

  /** PLAIN encoding: little-endian fixed-width values, or length-prefixed byte arrays. */
  static PageValues plain(ByteBuffer page) {
    ByteBuffer heap = page;
    if (!page.hasArray()) {
      heap = ByteBuffer.allocate(page.remaining());
      heap.put(page.duplicate()).flip();
    }
    return new Plain(heap);
  }

  /** Dictionary ids (RLE/bit-packed hybrid after a one-byte bit width) into {@code dictionary}. */
  static PageValues dictionary(DictionaryValues dictionary, HybridDecoder ids) {
    return new DictionaryIds(dictionary, ids);
  }

  /** Any other encoding, through parquet-java's reader. */
  static PageValues reader(ValuesReader reader) {
    return new Reader(reader);
  }

  private static final class Plain extends PageValues {
    private final ByteBuffer buffer;
    private final byte[] array;
    private final int base;
    private int position;

    Plain(ByteBuffer buffer) {
      this.buffer = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
      this.array = buffer.array();
      this.base = buffer.arrayOffset() + buffer.position();
    }

    @Override
    int nextInt() {
      int v = buffer.getInt(position);
      position += 4;
      return v;
    }

    @Override
    long nextLong() {
      long v = buffer.getLong(position);
      position += 8;
      return v;
    }

    @Override
    float nextFloat() {
      float v = buffer.getFloat(position);
      position += 4;
      return v;
    }

    @Override
    double nextDouble() {
      double v = buffer.getDouble(position);
      position += 8;
      return v;
    }

    @Override
    void scatterTo(ArrowBuf dst, int at, boolean[] present, int n, FlatColumnReader.Kind kind) {
      int p = position;
      if (kind.width == 8) {
        for (int i = 0; i < n; i++) {
          if (present[i]) {
            dst.setLong((at + i) * 8L, buffer.getLong(p));
            p += 8;
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          if (present[i]) {
            dst.setInt((at + i) * 4L, buffer.getInt(p));
            p += 4;
          }
        }
      }
      position = p;
    }

    @Override
    void skip(int n, FlatColumnReader.Kind kind) {
      if (kind.width > 0) {
        position += n * kind.width;
        return;
      }
      for (int k = 0; k < n; k++) {
        int length = buffer.getInt(position);
        if (length < 0 || length > buffer.limit() - position - 4) {
          throw new ParquetDecodingException(
              "byte array of length " + length + " at page offset " + position + " overruns page");
        }
        position += 4 + length;
      }
    }

    @Override
    void copyTo(ArrowBuf dst, long offset, int n, FlatColumnReader.Kind kind) {
      int bytes = n * kind.width;
      if (bytes > buffer.limit() - position) {
        throw new ParquetDecodingException(
            n + " values at page offset " + position + " overrun the page");
      }
      dst.setBytes(offset, array, base + position, bytes);
      position += bytes;
    }

    @Override
    void nextBytes(LeafWriter.BytesWriter writer, int index) {
      int length = buffer.getInt(position);
      if (length < 0 || length > buffer.limit() - position - 4) {
        throw new ParquetDecodingException(
            "byte array of length " + length + " at page offset " + position + " overruns page");
      }
      writer.put(index, array, base + position + 4, length);
      position += 4 + length;
    }
  }

  private static final class DictionaryIds extends PageValues {
    private final DictionaryValues dictionary;
    private final HybridDecoder decoder;
    private int[] ids = new int[0];
    private int next;

    DictionaryIds(DictionaryValues dictionary, HybridDecoder decoder) {
      this.dictionary = dictionary;
      this.decoder = decoder;
    }

    @Override
    void prepare(int count) {
      if (ids.length < count) {
        ids = new int[count];
      }
      decoder.read(ids, 0, count);
      next = 0;
    }

    private int id() {
      return ids[next++];
    }

    @Override
    int nextInt() {
      return dictionary.ints[id()];
    }

    @Override
    long nextLong() {
      return dictionary.longs[id()];
    }

    @Override
    float nextFloat() {
      return dictionary.floats[id()];
    }

    @Override
    double nextDouble() {
      return dictionary.doubles[id()];
    }

    @Override
    void skip(int n, FlatColumnReader.Kind kind) {
      next += n;
    }

    @Override
    void scatterTo(ArrowBuf dst, int at, boolean[] present, int n, FlatColumnReader.Kind kind) {
      int k = next;
      for (int i = 0; i < n; i++) {
        if (present[i]) {
          long offset = (at + i) * (long) kind.width;
          int id = ids[k++];
          switch (kind) {
            case INT32 -> dst.setInt(offset, dictionary.ints[id]);
            case INT64 -> dst.setLong(offset, dictionary.longs[id]);
            case FLOAT -> dst.setFloat(offset, dictionary.floats[id]);
            case DOUBLE -> dst.setDouble(offset, dictionary.doubles[id]);
            default -> throw new IllegalArgumentException(kind + " is not fixed-width");
          }
        }
      }
      next = k;
    }

    @Override
    void copyTo(ArrowBuf dst, long offset, int n, FlatColumnReader.Kind kind) {
      int[] ids = this.ids;
      int from = next;
      switch (kind) {
        case INT32 -> {
          int[] values = dictionary.ints;
          for (int k = 0; k < n; k++) {
            dst.setInt(offset + 4L * k, values[ids[from + k]]);
          }
        }
        case INT64 -> {
          long[] values = dictionary.longs;
          for (int k = 0; k < n; k++) {
            dst.setLong(offset + 8L * k, values[ids[from + k]]);
          }
        }
        case FLOAT -> {
          float[] values = dictionary.floats;
          for (int k = 0; k < n; k++) {
            dst.setFloat(offset + 4L * k, values[ids[from + k]]);
          }
        }
        case DOUBLE -> {
          double[] values = dictionary.doubles;
          for (int k = 0; k < n; k++) {
            dst.setDouble(offset + 8L * k, values[ids[from + k]]);
          }
        }
        default -> throw new IllegalArgumentException(kind + " is not fixed-width");
      }
      next = from + n;
    }

    @Override
    void nextBytes(LeafWriter.BytesWriter writer, int index) {
      int id = id();
      int from = dictionary.offsets[id];
      writer.put(index, dictionary.bytes, from, dictionary.offsets[id + 1] - from);
    }
  }

  private static final class Reader extends PageValues {
    private final ValuesReader reader;

    Reader(ValuesReader reader) {
      this.reader = reader;
    }

    @Override
    int nextInt() {
      return reader.readInteger();
    }

    @Override
    long nextLong() {
      return reader.readLong();
    }

    @Override
    float nextFloat() {
      return reader.readFloat();
    }

    @Override
    double nextDouble() {
      return reader.readDouble();
    }

    @Override
    boolean nextBoolean() {
      return reader.readBoolean();
    }

    @Override
    void skip(int n, FlatColumnReader.Kind kind) {
      reader.skip(n);
    }

    @Override
    void copyTo(ArrowBuf dst, long offset, int n, FlatColumnReader.Kind kind) {
      for (int k = 0; k < n; k++) {
        switch (kind) {
          case INT32 -> dst.setInt(offset + 4L * k, reader.readInteger());
          case INT64 -> dst.setLong(offset + 8L * k, reader.readLong());
          case FLOAT -> dst.setFloat(offset + 4L * k, reader.readFloat());
          case DOUBLE -> dst.setDouble(offset + 8L * k, reader.readDouble());
          default -> throw new IllegalArgumentException(kind + " is not fixed-width");
        }
      }
    }

    @Override
    void nextBytes(LeafWriter.BytesWriter writer, int index) {
      Binary b = reader.readBytes();
      byte[] bytes = b.getBytes();
      writer.put(index, bytes, 0, bytes.length);
    }
  }
}
