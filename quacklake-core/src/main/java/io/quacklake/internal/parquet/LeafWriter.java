package io.quacklake.internal.parquet;

import java.nio.ByteBuffer;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;

/** Writes the current value of a Parquet column reader into one slot of an Arrow vector. */
abstract class LeafWriter {
  final FieldVector vector;

  /**
   * True when the file's values are stored in {@link #vector}'s data buffer bit for bit (same
   * width, no conversion), so that a reader may copy them in directly instead of calling {@code
   * put}.
   */
  final boolean verbatim;

  LeafWriter(FieldVector vector) {
    this(vector, false);
  }

  LeafWriter(FieldVector vector, boolean verbatim) {
    this.vector = vector;
    this.verbatim = verbatim;
  }

  /** Writes the reader's current (non-NULL) value at {@code index}, growing the vector. */
  abstract void write(ColumnReader reader, int index);

  void writeNull(int index) {
    vector.setNull(index);
  }

  /** Receives an integer-like value (already widened to long). */
  @FunctionalInterface
  interface LongSink {
    void set(int index, long value);
  }

  /** Receives a floating value. */
  @FunctionalInterface
  interface DoubleSink {
    void set(int index, double value);
  }

  /** Receives bytes: {@code length} bytes of {@code bytes} from {@code offset}; not retained. */
  @FunctionalInterface
  interface BytesSink {
    void set(int index, byte[] bytes, int offset, int length);
  }

  static final class BooleanWriter extends LeafWriter {
    private final BitVector bits;

    BooleanWriter(BitVector bits) {
      super(bits);
      this.bits = bits;
    }

    @Override
    void write(ColumnReader reader, int index) {
      bits.setSafe(index, reader.getBoolean() ? 1 : 0);
    }

    /** Writes a value into a vector already sized for {@code index}. */
    void put(int index, boolean value) {
      bits.set(index, value ? 1 : 0);
    }
  }

  static final class Int32Writer extends LeafWriter {
    private final LongSink sink;
    private final boolean unsigned;

    Int32Writer(FieldVector vector, boolean unsigned, LongSink sink, boolean verbatim) {
      super(vector, verbatim);
      this.sink = sink;
      this.unsigned = unsigned;
    }

    @Override
    void write(ColumnReader reader, int index) {
      put(index, reader.getInteger());
    }

    void put(int index, int v) {
      sink.set(index, unsigned ? Integer.toUnsignedLong(v) : v);
    }
  }

  static final class Int64Writer extends LeafWriter {
    private final LongSink sink;

    Int64Writer(FieldVector vector, LongSink sink, boolean verbatim) {
      super(vector, verbatim);
      this.sink = sink;
    }

    @Override
    void write(ColumnReader reader, int index) {
      put(index, reader.getLong());
    }

    void put(int index, long v) {
      sink.set(index, v);
    }
  }

  static final class FloatWriter extends LeafWriter {
    private final DoubleSink sink;

    FloatWriter(FieldVector vector, DoubleSink sink, boolean verbatim) {
      super(vector, verbatim);
      this.sink = sink;
    }

    @Override
    void write(ColumnReader reader, int index) {
      put(index, reader.getFloat());
    }

    void put(int index, double v) {
      sink.set(index, v);
    }
  }

  static final class DoubleWriter extends LeafWriter {
    private final DoubleSink sink;

    DoubleWriter(FieldVector vector, DoubleSink sink, boolean verbatim) {
      super(vector, verbatim);
      this.sink = sink;
    }

    @Override
    void write(ColumnReader reader, int index) {
      put(index, reader.getDouble());
    }

    void put(int index, double v) {
      sink.set(index, v);
    }
  }

  static final class BytesWriter extends LeafWriter {
    private final BytesSink sink;

    BytesWriter(FieldVector vector, BytesSink sink) {
      super(vector);
      this.sink = sink;
    }

    @Override
    void write(ColumnReader reader, int index) {
      Binary b = reader.getBinary();
      if (b.isBackingBytesReused() || b.length() == 0) {
        put(index, b.getBytes(), 0, b.length());
        return;
      }
      ByteBuffer bytes = b.toByteBuffer();
      if (bytes.hasArray()) {
        put(index, bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
      } else {
        put(index, b.getBytes(), 0, b.length());
      }
    }

    void put(int index, byte[] bytes, int offset, int length) {
      sink.set(index, bytes, offset, length);
    }
  }
}
