package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.LeafWriter.BytesSink;
import io.quacklake.internal.parquet.LeafWriter.DoubleSink;
import io.quacklake.internal.parquet.LeafWriter.LongSink;
import io.quacklake.internal.parquet.SourceType.Kind;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Chooses the {@link LeafWriter} that converts a file's primitive column to the Arrow vector of the
 * requested DuckLake type, including the widenings DuckLake allows (narrower integers, integers to
 * float64 or decimal, float32 to float64, decimals to a larger precision or scale).
 */
final class LeafWriterFactory {
  private static final BigInteger INT128_MIN = BigInteger.ONE.shiftLeft(127).negate();
  private static final BigInteger INT128_MAX =
      BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
  private static final BigInteger UINT128_MAX =
      BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  private LeafWriterFactory() {}

  static LeafWriter create(PrimitiveType fileType, LakeColumn column, FieldVector v, String file) {
    SourceType src = SourceType.of(fileType);
    TypeId target = column.type().id();
    switch (src.kind()) {
      case BOOLEAN:
        if (target == TypeId.BOOLEAN) {
          return new LeafWriter.BooleanWriter((BitVector) v);
        }
        break;
      case INTEGER, DECIMAL, DATE, TIME, TIMESTAMP:
        {
          if (src.physical() != PrimitiveTypeName.INT32
              && src.physical() != PrimitiveTypeName.INT64) {
            BytesSink bytes = bytesSink(src, column, v);
            if (bytes == null) {
              break;
            }
            return new LeafWriter.BytesWriter(v, bytes);
          }
          LongSink sink = longSink(src, column, v);
          if (sink == null) {
            break;
          }
          return src.physical() == PrimitiveTypeName.INT32
              ? new LeafWriter.Int32Writer(v, src.unsigned(), sink, verbatim(src, target, v))
              : new LeafWriter.Int64Writer(v, sink, verbatim(src, target, v));
        }
      case FLOATING:
        {
          DoubleSink sink = doubleSink(src, target, v);
          if (sink == null) {
            break;
          }
          return src.physical() == PrimitiveTypeName.FLOAT
              ? new LeafWriter.FloatWriter(v, sink, v instanceof Float4Vector)
              : new LeafWriter.DoubleWriter(v, sink, v instanceof Float8Vector);
        }
      case BYTES, INT96_TIMESTAMP:
        {
          BytesSink sink = bytesSink(src, column, v);
          if (sink != null) {
            return new LeafWriter.BytesWriter(v, sink);
          }
          break;
        }
    }
    throw QuacklakeException.unsupported(
        "column '%s' (id %d) is %s in the table, but the Parquet file %s stores it as %s, which"
            + " cannot be read as that type",
        column.name(), column.id(), column.type(), file, fileType.toString().trim());
  }

  /**
   * Whether the file's integer values land in {@code v} bit for bit (same width, no conversion), so
   * a reader may copy them into the vector's data buffer directly.
   */
  private static boolean verbatim(SourceType src, TypeId target, FieldVector v) {
    if (src.physical() == PrimitiveTypeName.INT32) {
      return (src.kind() == Kind.INTEGER && (v instanceof IntVector || v instanceof UInt4Vector))
          || (src.kind() == Kind.DATE && v instanceof DateDayVector);
    }
    long unit = src.kind() == Kind.TIMESTAMP || src.kind() == Kind.TIME ? src.nanosPerUnit() : 0;
    return switch (src.kind()) {
      case INTEGER -> v instanceof BigIntVector || v instanceof UInt8Vector;
      case TIMESTAMP ->
          v instanceof TimeStampVector
              && target.isTimestamp()
              && unit == targetNanosPerUnit(target);
      case TIME ->
          (v instanceof TimeMicroVector && unit == 1000)
              || (v instanceof TimeNanoVector && unit == 1);
      default -> false;
    };
  }

  private static LongSink longSink(SourceType src, LakeColumn column, FieldVector v) {
    TypeId target = column.type().id();
    Kind kind = src.kind();
    boolean u64 = src.unsigned64();
    if (kind == Kind.INTEGER) {
      switch (target) {
        case INT8:
          return (i, x) -> ((TinyIntVector) v).setSafe(i, (byte) x);
        case INT16:
          return (i, x) -> ((SmallIntVector) v).setSafe(i, (short) x);
        case INT32:
          return (i, x) -> ((IntVector) v).setSafe(i, (int) x);
        case INT64:
          return (i, x) -> ((BigIntVector) v).setSafe(i, x);
        case UINT8:
          return (i, x) -> ((UInt1Vector) v).setSafe(i, (byte) x);
        case UINT16:
          return (i, x) -> ((UInt2Vector) v).setSafe(i, (char) x);
        case UINT32:
          return (i, x) -> ((UInt4Vector) v).setSafe(i, (int) x);
        case UINT64:
          return (i, x) -> ((UInt8Vector) v).setSafe(i, x);
        case INT128:
          return u64
              ? (i, x) -> ((DecimalVector) v).setSafe(i, unsignedDecimal(x, 0))
              : (i, x) -> ((DecimalVector) v).setSafe(i, x);
        case UINT128:
          return u64
              ? (i, x) -> ((Decimal256Vector) v).setSafe(i, unsignedDecimal(x, 0))
              : (i, x) -> ((Decimal256Vector) v).setSafe(i, x);
        default:
          break;
      }
    }
    if ((kind == Kind.INTEGER || kind == Kind.DECIMAL) && target == TypeId.FLOAT64) {
      double divisor = BigDecimal.ONE.scaleByPowerOfTen(src.scale()).doubleValue();
      return u64
          ? (i, x) -> ((Float8Vector) v).setSafe(i, unsignedDecimal(x, 0).doubleValue())
          : (i, x) -> ((Float8Vector) v).setSafe(i, x / divisor);
    }
    if ((kind == Kind.INTEGER || kind == Kind.DECIMAL) && target == TypeId.DECIMAL) {
      return decimalSink(src, column.type().scale(), (DecimalVector) v);
    }
    if (kind == Kind.DATE && target == TypeId.DATE) {
      return (i, x) -> ((DateDayVector) v).setSafe(i, (int) x);
    }
    long from = src.nanosPerUnit();
    if (kind == Kind.TIME && (target == TypeId.TIME || target == TypeId.TIMETZ)) {
      return (i, x) -> ((TimeMicroVector) v).setSafe(i, SourceType.convertUnit(x, from, 1000));
    }
    if (kind == Kind.TIME && target == TypeId.TIME_NS) {
      return (i, x) -> ((TimeNanoVector) v).setSafe(i, SourceType.convertUnit(x, from, 1));
    }
    if (kind == Kind.TIMESTAMP && target.isTimestamp()) {
      long to = targetNanosPerUnit(target);
      return (i, x) -> ((TimeStampVector) v).setSafe(i, SourceType.convertUnit(x, from, to));
    }
    return null;
  }

  private static LongSink decimalSink(SourceType src, int scale, DecimalVector v) {
    int shift = scale - src.scale();
    if (shift < 0) {
      return null;
    }
    if (src.unsigned64()) {
      return (i, x) -> v.setSafe(i, unsignedDecimal(x, src.scale()).setScale(scale));
    }
    if (shift == 0) {
      return v::setSafe;
    }
    long factor = BigInteger.TEN.pow(shift).longValueExact();
    return (i, x) -> {
      long unscaled = x * factor;
      if (x != 0 && (unscaled / factor != x || shift > 18)) {
        v.setSafe(i, BigDecimal.valueOf(x, src.scale()).setScale(scale));
      } else {
        v.setSafe(i, unscaled);
      }
    };
  }

  private static BigDecimal unsignedDecimal(long bits, int scale) {
    return new BigDecimal(new BigInteger(Long.toUnsignedString(bits)), scale);
  }

  private static DoubleSink doubleSink(SourceType src, TypeId target, FieldVector v) {
    boolean isFloat = src.physical() == PrimitiveTypeName.FLOAT;
    return switch (target) {
      case FLOAT32 -> isFloat ? (i, x) -> ((Float4Vector) v).setSafe(i, (float) x) : null;
      case FLOAT64 -> (i, x) -> ((Float8Vector) v).setSafe(i, x);
      case INT128 ->
          (i, x) -> ((DecimalVector) v).setBigEndianSafe(i, integral(x, INT128_MIN, INT128_MAX));
      case UINT128 ->
          (i, x) ->
              ((Decimal256Vector) v).setBigEndianSafe(i, integral(x, BigInteger.ZERO, UINT128_MAX));
      default -> null;
    };
  }

  /** DuckDB stores (u)hugeint as DOUBLE: the nearest integer, clamped to the type's range. */
  private static byte[] integral(double value, BigInteger min, BigInteger max) {
    if (Double.isNaN(value)) {
      return new byte[] {0};
    }
    BigInteger b =
        Double.isInfinite(value)
            ? (value > 0 ? max : min)
            : new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    return b.max(min).min(max).toByteArray();
  }

  private static BytesSink bytesSink(SourceType src, LakeColumn column, FieldVector v) {
    TypeId target = column.type().id();
    if (src.kind() == Kind.INT96_TIMESTAMP) {
      if (!target.isTimestamp()) {
        return null;
      }
      long to = targetNanosPerUnit(target);
      return (i, b, off, len) ->
          ((TimeStampVector) v)
              .setSafe(
                  i,
                  SourceType.convertUnit(
                      SourceType.int96ToEpochNanos(
                          ByteBuffer.wrap(b, off, len).order(ByteOrder.LITTLE_ENDIAN)),
                      1,
                      to));
    }
    if (src.kind() == Kind.DECIMAL) {
      if (target != TypeId.DECIMAL || column.type().scale() < src.scale()) {
        return null;
      }
      int scale = column.type().scale();
      DecimalVector d = (DecimalVector) v;
      if (scale == src.scale()) {
        return (i, b, off, len) -> d.setBigEndianSafe(i, bytes(b, off, len));
      }
      return (i, b, off, len) ->
          d.setSafe(i, new BigDecimal(new BigInteger(b, off, len), src.scale()).setScale(scale));
    }
    return switch (target) {
      case VARCHAR, JSON, BLOB, GEOMETRY ->
          (i, b, off, len) -> ((BaseVariableWidthVector) v).setSafe(i, b, off, len);
      case UUID ->
          src.length() == 16
              ? (i, b, off, len) -> ((FixedSizeBinaryVector) v).setSafe(i, bytes(b, off, len))
              : null;
      case INTERVAL ->
          src.length() == 12
              ? (i, b, off, len) ->
                  interval((IntervalMonthDayNanoVector) v, i, ByteBuffer.wrap(b, off, len))
              : null;
      default -> null;
    };
  }

  private static void interval(IntervalMonthDayNanoVector v, int index, ByteBuffer b) {
    ByteBuffer le = b.order(ByteOrder.LITTLE_ENDIAN);
    int p = le.position();
    v.setSafe(
        index,
        le.getInt(p),
        le.getInt(p + 4),
        Integer.toUnsignedLong(le.getInt(p + 8)) * 1_000_000L);
  }

  private static byte[] bytes(byte[] b, int offset, int length) {
    return offset == 0 && length == b.length ? b : Arrays.copyOfRange(b, offset, offset + length);
  }

  /** Nanoseconds per stored unit of a DuckLake timestamp type's Arrow vector. */
  static long targetNanosPerUnit(TypeId target) {
    return switch (target) {
      case TIMESTAMP_S -> 1_000_000_000L;
      case TIMESTAMP_MS -> 1_000_000L;
      case TIMESTAMP_NS, TIMESTAMPTZ_NS, TIME_NS -> 1L;
      default -> 1_000L;
    };
  }
}
