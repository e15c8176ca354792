package io.quacklake.types;

import io.quacklake.internal.types.TimeUnits;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Arrow cell → canonical Java value. */
final class ArrowValueReader {
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private ArrowValueReader() {}

  static Object read(FieldVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    }
    if (vector instanceof MapVector map) {
      return readMap(map, index);
    }
    if (vector instanceof ListVector list) {
      return readList(list, index);
    }
    if (vector instanceof StructVector struct) {
      return readStruct(struct, index);
    }
    return readPrimitive(vector, index);
  }

  private static Object readPrimitive(FieldVector vector, int index) {
    if (vector instanceof BitVector v) {
      return v.get(index) != 0;
    }
    if (vector instanceof UInt8Vector v) {
      return UInt8Vector.getNoOverflow(v.getDataBuffer(), index);
    }
    if (vector instanceof BaseIntVector v) {
      return unsignedAware(vector, v.getValueAsLong(index));
    }
    if (vector instanceof Float4Vector v) {
      return (double) v.get(index);
    }
    if (vector instanceof Float8Vector v) {
      return v.get(index);
    }
    if (vector instanceof DecimalVector v) {
      BigDecimal d = v.getObject(index);
      return isInt128(vector) ? d.toBigIntegerExact() : d;
    }
    if (vector instanceof Decimal256Vector v) {
      BigDecimal d = v.getObject(index);
      return d.scale() == 0 && isUint128(vector) ? d.toBigIntegerExact() : d;
    }
    if (vector instanceof DateDayVector v) {
      int days = v.get(index);
      return days == Integer.MAX_VALUE
          ? LocalDate.MAX
          : days == -Integer.MAX_VALUE ? LocalDate.MIN : LocalDate.ofEpochDay(days);
    }
    if (vector instanceof TimeMicroVector v) {
      return time(v.get(index) * 1000);
    }
    if (vector instanceof TimeNanoVector v) {
      return time(v.get(index));
    }
    if (vector instanceof TimeStampVector v) {
      return timestamp(v, v.get(index));
    }
    if (vector instanceof IntervalMonthDayNanoVector v) {
      ByteBuffer b = v.getDataBuffer().nioBuffer((long) index * 16, 16);
      b.order(java.nio.ByteOrder.LITTLE_ENDIAN);
      return new Interval(b.getInt(0), b.getInt(4), b.getLong(8));
    }
    if (vector instanceof VarCharVector v) {
      return new String(v.get(index), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (vector instanceof VarBinaryVector v) {
      return v.get(index);
    }
    if (vector instanceof FixedSizeBinaryVector v && v.getByteWidth() == 16) {
      ByteBuffer b = ByteBuffer.wrap(v.get(index));
      return new UUID(b.getLong(), b.getLong());
    }
    throw io.quacklake.exceptions.QuacklakeException.unsupported(
        "field '%s': Arrow type %s has no canonical Java value",
        vector.getField().getName(), vector.getField().getType());
  }

  private static Object unsignedAware(FieldVector vector, long value) {
    ArrowType.Int type = (ArrowType.Int) vector.getField().getType();
    if (type.getIsSigned()) {
      return value;
    }
    return value & (type.getBitWidth() == 64 ? -1L : (1L << type.getBitWidth()) - 1);
  }

  private static LocalTime time(long nanoOfDay) {
    return nanoOfDay >= NANOS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(nanoOfDay);
  }

  private static Object timestamp(TimeStampVector vector, long value) {
    ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
    boolean utc = type.getTimezone() != null;
    if (value == Long.MAX_VALUE || value == -Long.MAX_VALUE) {
      boolean max = value > 0;
      return utc
          ? (max ? Instant.MAX : Instant.MIN)
          : (max ? LocalDateTime.MAX : LocalDateTime.MIN);
    }
    long unitsPerSecond = TimeUnits.perSecond(type.getUnit());
    long seconds = Math.floorDiv(value, unitsPerSecond);
    long nanos = Math.floorMod(value, unitsPerSecond) * (1_000_000_000L / unitsPerSecond);
    if (utc) {
      return Instant.ofEpochSecond(seconds, nanos);
    }
    return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
  }

  private static List<Object> readList(ListVector list, int index) {
    int start = list.getOffsetBuffer().getInt((long) index * ListVector.OFFSET_WIDTH);
    int end = list.getOffsetBuffer().getInt((long) (index + 1) * ListVector.OFFSET_WIDTH);
    FieldVector child = list.getDataVector();
    List<Object> out = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      out.add(read(child, i));
    }
    return out;
  }

  private static Map<Object, Object> readMap(MapVector map, int index) {
    int start = map.getOffsetBuffer().getInt((long) index * MapVector.OFFSET_WIDTH);
    int end = map.getOffsetBuffer().getInt((long) (index + 1) * MapVector.OFFSET_WIDTH);
    StructVector entries = (StructVector) map.getDataVector();
    FieldVector keys = (FieldVector) entries.getChildByOrdinal(0);
    FieldVector values = (FieldVector) entries.getChildByOrdinal(1);
    Map<Object, Object> out = new LinkedHashMap<>();
    for (int i = start; i < end; i++) {
      out.put(read(keys, i), read(values, i));
    }
    return out;
  }

  private static Map<String, Object> readStruct(StructVector struct, int index) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (FieldVector child : struct.getChildrenFromFields()) {
      out.put(child.getName(), read(child, index));
    }
    return out;
  }

  static boolean isInt128(FieldVector vector) {
    return "int128".equals(storedTypeName(vector));
  }

  private static boolean isUint128(FieldVector vector) {
    String name = storedTypeName(vector);
    return name == null || name.equals("uint128");
  }

  private static String storedTypeName(FieldVector vector) {
    Map<String, String> metadata = vector.getField().getMetadata();
    return metadata == null ? null : metadata.get(ArrowTypes.DUCKLAKE_TYPE);
  }
}
