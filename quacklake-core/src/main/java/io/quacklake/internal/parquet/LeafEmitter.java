package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.ExtensionTypeVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Writes the non-NULL value at one index of an Arrow vector to a Parquet column, converted to the
 * physical value DuckDB stores for the DuckLake type (spec §6.1). Like DuckDB, negative intervals
 * are rejected (Parquet INTERVAL fields are unsigned).
 */
@FunctionalInterface
interface LeafEmitter {
  void emit(ColumnWriter writer, int index, int repetition, int definition);

  /**
   * The emitter for a vector built by {@link io.quacklake.types.ArrowTypes} for {@code type}.
   *
   * @param column the column's name, for errors
   */
  static LeafEmitter of(LakeType type, FieldVector vector, String column) {
    FieldVector v =
        vector instanceof ExtensionTypeVector<?> ext ? ext.getUnderlyingVector() : vector;
    return switch (type.id()) {
      case BOOLEAN -> {
        BitVector bits = (BitVector) v;
        yield (w, i, r, d) -> w.write(bits.get(i) != 0, r, d);
      }
      case INT8 -> {
        TinyIntVector t = (TinyIntVector) v;
        yield (w, i, r, d) -> w.write((int) t.get(i), r, d);
      }
      case INT16 -> {
        SmallIntVector t = (SmallIntVector) v;
        yield (w, i, r, d) -> w.write((int) t.get(i), r, d);
      }
      case UINT8 -> {
        UInt1Vector t = (UInt1Vector) v;
        yield (w, i, r, d) -> w.write(Byte.toUnsignedInt(t.get(i)), r, d);
      }
      case UINT16 -> {
        UInt2Vector t = (UInt2Vector) v;
        yield (w, i, r, d) -> w.write((int) t.get(i), r, d);
      }
      case INT32, UINT32, DATE -> {
        long a = v.getDataBuffer().memoryAddress();
        int n = slots(v, 4);
        yield (w, i, r, d) -> w.write(MemoryUtil.getInt(a + 4L * Objects.checkIndex(i, n)), r, d);
      }
      case INT64,
          UINT64,
          TIME,
          TIME_NS,
          TIMETZ,
          TIMESTAMP,
          TIMESTAMP_MS,
          TIMESTAMP_NS,
          TIMESTAMPTZ,
          TIMESTAMPTZ_NS -> {
        long a = v.getDataBuffer().memoryAddress();
        int n = slots(v, 8);
        yield (w, i, r, d) -> w.write(MemoryUtil.getLong(a + 8L * Objects.checkIndex(i, n)), r, d);
      }
      case TIMESTAMP_S -> {
        ArrowBuf buf = v.getDataBuffer();
        yield (w, i, r, d) ->
            w.write(Math.multiplyExact(buf.getLong((long) i * 8), 1_000_000L), r, d);
      }
      case FLOAT32 -> {
        long a = v.getDataBuffer().memoryAddress();
        int n = slots(v, 4);
        yield (w, i, r, d) ->
            w.write(
                Float.intBitsToFloat(MemoryUtil.getInt(a + 4L * Objects.checkIndex(i, n))), r, d);
      }
      case FLOAT64 -> {
        long a = v.getDataBuffer().memoryAddress();
        int n = slots(v, 8);
        yield (w, i, r, d) ->
            w.write(
                Double.longBitsToDouble(MemoryUtil.getLong(a + 8L * Objects.checkIndex(i, n))),
                r,
                d);
      }
      case INT128 -> {
        DecimalVector t = (DecimalVector) v;
        yield (w, i, r, d) -> w.write(t.getObject(i).doubleValue(), r, d);
      }
      case UINT128 -> {
        Decimal256Vector t = (Decimal256Vector) v;
        yield (w, i, r, d) -> w.write(t.getObject(i).doubleValue(), r, d);
      }
      case DECIMAL -> decimal(type, (BaseFixedWidthVector) v);
      case INTERVAL -> {
        ArrowBuf buf = v.getDataBuffer();
        yield (w, i, r, d) -> w.write(interval(buf, i, column), r, d);
      }
      case VARCHAR, JSON, BLOB, GEOMETRY -> {
        BaseVariableWidthVector t = (BaseVariableWidthVector) v;
        yield (w, i, r, d) -> w.write(Binary.fromConstantByteArray(t.get(i)), r, d);
      }
      case UUID -> {
        FixedSizeBinaryVector t = (FixedSizeBinaryVector) v;
        yield (w, i, r, d) -> w.write(Binary.fromConstantByteArray(t.get(i)), r, d);
      }
      case VARIANT, STRUCT, LIST, MAP ->
          throw new IllegalArgumentException(type + " is not a Parquet leaf type");
    };
  }

  private static LeafEmitter decimal(LakeType type, BaseFixedWidthVector v) {
    if (type.precision() <= 18) {
      long a = v.getDataBuffer().memoryAddress();
      int n = slots(v, 16);
      if (type.precision() <= 9) {
        return (w, i, r, d) -> w.write(MemoryUtil.getInt(a + 16L * Objects.checkIndex(i, n)), r, d);
      }
      return (w, i, r, d) -> w.write(MemoryUtil.getLong(a + 16L * Objects.checkIndex(i, n)), r, d);
    }
    ArrowBuf buf = v.getDataBuffer();
    return (w, i, r, d) -> w.write(Binary.fromConstantByteArray(bigEndian16(buf, i)), r, d);
  }

  /**
   * How many values of {@code width} bytes the vector's data buffer holds: emitters check each
   * index against it (an intrinsic) instead of ArrowBuf's bounds and reference-count checks on
   * every value.
   */
  private static int slots(FieldVector v, int width) {
    return (int) Math.min(Integer.MAX_VALUE, v.getDataBuffer().capacity() / width);
  }

  /** Arrow stores decimals as 16-byte little-endian two's complement; Parquet wants big-endian. */
  private static byte[] bigEndian16(ArrowBuf buf, int index) {
    byte[] out = new byte[16];
    long base = (long) index * 16;
    for (int k = 0; k < 16; k++) {
      out[15 - k] = buf.getByte(base + k);
    }
    return out;
  }

  /**
   * Months, days and milliseconds, each an unsigned 4-byte little-endian number (Parquet INTERVAL).
   *
   * @throws QuacklakeException INVALID_ARGUMENT naming the column for an interval these cannot hold
   */
  private static Binary interval(ArrowBuf buf, int index, String column) {
    long base = (long) index * 16;
    int months = buf.getInt(base);
    int days = buf.getInt(base + 4);
    long millis = buf.getLong(base + 8) / 1_000_000L;
    if (months < 0 || days < 0 || millis < 0) {
      throw QuacklakeException.invalid(
          "column %s holds the negative interval (%d months, %d days, %d ms), which Parquet files"
              + " cannot store (DuckDB refuses it too); store a non-negative interval",
          column, months, days, millis);
    }
    if (millis > 0xFFFF_FFFFL) {
      throw QuacklakeException.invalid(
          "column %s holds an interval with %d ms in its time part, more than Parquet files can"
              + " store (4294967295 ms); move whole days into its days part",
          column, millis);
    }
    byte[] out = new byte[12];
    ByteBuffer.wrap(out)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(months)
        .putInt(days)
        .putInt((int) millis);
    return Binary.fromConstantByteArray(out);
  }
}
