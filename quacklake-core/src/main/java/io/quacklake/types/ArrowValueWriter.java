package io.quacklake.types;

import io.quacklake.internal.types.TimeUnits;
import io.quacklake.internal.types.ValueCoercion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Canonical Java value → Arrow cell. */
final class ArrowValueWriter {
  private ArrowValueWriter() {}

  static void write(FieldVector vector, int index, Object value) {
    if (value == null) {
      writeNull(vector, index);
    } else if (vector instanceof MapVector map) {
      writeMap(map, index, value);
    } else if (vector instanceof ListVector list) {
      writeList(list, index, value);
    } else if (vector instanceof StructVector struct) {
      writeStruct(struct, index, value);
    } else {
      writePrimitive(vector, index, value);
    }
  }

  private static void writeNull(FieldVector vector, int index) {
    if (vector instanceof ListVector list) {
      list.setNull(index);
    } else if (vector instanceof StructVector struct) {
      struct.setNull(index);
      for (FieldVector child : struct.getChildrenFromFields()) {
        writeNull(child, index);
      }
    } else {
      while (index >= vector.getValueCapacity()) {
        vector.reAlloc();
      }
      vector.setNull(index);
    }
  }

  private static void writePrimitive(FieldVector vector, int index, Object value) {
    ValueCoercion in = new ValueCoercion(vector.getField(), value);
    if (vector instanceof BitVector v) {
      v.setSafe(index, in.bool() ? 1 : 0);
    } else if (vector instanceof BaseIntVector v) {
      ArrowType.Int type = (ArrowType.Int) vector.getField().getType();
      long bits = in.integer(type.getBitWidth(), type.getIsSigned());
      v.setWithPossibleTruncate(index, bits);
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(index, (float) in.floating());
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(index, in.floating());
    } else if (vector instanceof DecimalVector v && ArrowValueReader.isInt128(vector)) {
      // HUGEINT needs 39 digits; DuckDB's decimal(38,0) mapping stores the full 128 bits anyway.
      v.setBigEndianSafe(index, in.int128().toByteArray());
    } else if (vector instanceof DecimalVector v) {
      v.setSafe(index, in.decimal(v.getPrecision(), v.getScale()));
    } else if (vector instanceof Decimal256Vector v) {
      v.setSafe(index, in.decimal(v.getPrecision(), v.getScale()));
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(index, in.epochDay());
    } else if (vector instanceof TimeMicroVector v) {
      v.setSafe(index, in.nanoOfDay() / 1000);
    } else if (vector instanceof TimeNanoVector v) {
      // at nanosecond precision LocalTime.MAX is the value 23:59:59.999999999 itself
      v.setSafe(index, Math.min(in.nanoOfDay(), 86_399_999_999_999L));
    } else if (vector instanceof TimeStampVector v) {
      ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
      v.setSafe(index, in.epochUnits(TimeUnits.perSecond(type.getUnit()), type.getTimezone()));
    } else if (vector instanceof IntervalMonthDayNanoVector v) {
      Interval iv = in.interval();
      v.setSafe(index, iv.months(), iv.days(), iv.nanos());
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(index, in.string().getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(index, in.bytes());
    } else if (vector instanceof FixedSizeBinaryVector v && v.getByteWidth() == 16) {
      UUID u = in.uuid();
      v.setSafe(
          index,
          ByteBuffer.allocate(16)
              .putLong(u.getMostSignificantBits())
              .putLong(u.getLeastSignificantBits())
              .array());
    } else {
      throw io.quacklake.exceptions.QuacklakeException.unsupported(
          "field '%s': cannot write Arrow type %s",
          vector.getField().getName(), vector.getField().getType());
    }
  }

  private static void writeList(ListVector list, int index, Object value) {
    List<?> elements = new ValueCoercion(list.getField(), value).list();
    int start = list.startNewValue(index);
    FieldVector child = list.getDataVector();
    for (int i = 0; i < elements.size(); i++) {
      write(child, start + i, elements.get(i));
    }
    list.endValue(index, elements.size());
  }

  private static void writeMap(MapVector map, int index, Object value) {
    Map<?, ?> entries = new ValueCoercion(map.getField(), value).map();
    int start = map.startNewValue(index);
    StructVector entryVector = (StructVector) map.getDataVector();
    FieldVector keys = (FieldVector) entryVector.getChildByOrdinal(0);
    FieldVector values = (FieldVector) entryVector.getChildByOrdinal(1);
    int i = start;
    for (Map.Entry<?, ?> e : entries.entrySet()) {
      if (e.getKey() == null) {
        throw io.quacklake.exceptions.QuacklakeException.invalid(
            "field '%s': map keys cannot be NULL", map.getField().getName());
      }
      entryVector.setIndexDefined(i);
      write(keys, i, e.getKey());
      write(values, i, e.getValue());
      i++;
    }
    map.endValue(index, entries.size());
  }

  private static void writeStruct(StructVector struct, int index, Object value) {
    Map<?, ?> fields = new ValueCoercion(struct.getField(), value).map();
    List<FieldVector> children = struct.getChildrenFromFields();
    for (Object key : fields.keySet()) {
      if (!(key instanceof String name) || struct.getChild(name) == null) {
        throw io.quacklake.exceptions.QuacklakeException.invalid(
            "struct field '%s' has no field named '%s'; its fields are %s",
            struct.getField().getName(), key, children.stream().map(FieldVector::getName).toList());
      }
    }
    struct.setIndexDefined(index);
    for (FieldVector child : children) {
      write(child, index, fields.get(child.getName()));
    }
  }
}
