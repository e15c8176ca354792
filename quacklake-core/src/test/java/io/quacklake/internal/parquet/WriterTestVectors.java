package io.quacklake.internal.parquet;

import io.quacklake.types.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.vector.BaseFixedWidthVector;
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
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Test-side setter of canonical Java values into vectors built by ArrowTypes. */
final class WriterTestVectors {
  private WriterTestVectors() {}

  static void set(FieldVector v, int i, Object value) {
    if (value == null) {
      setNull(v, i);
      return;
    }
    if (v instanceof BitVector t) {
      t.setSafe(i, (Boolean) value ? 1 : 0);
    } else if (v instanceof TinyIntVector t) {
      t.setSafe(i, ((Number) value).byteValue());
    } else if (v instanceof SmallIntVector t) {
      t.setSafe(i, ((Number) value).shortValue());
    } else if (v instanceof IntVector t) {
      t.setSafe(i, ((Number) value).intValue());
    } else if (v instanceof BigIntVector t) {
      t.setSafe(i, ((Number) value).longValue());
    } else if (v instanceof UInt1Vector t) {
      t.setSafe(i, ((Number) value).intValue());
    } else if (v instanceof UInt2Vector t) {
      t.setSafe(i, ((Number) value).intValue());
    } else if (v instanceof UInt4Vector t) {
      t.setSafe(i, (int) ((Number) value).longValue());
    } else if (v instanceof UInt8Vector t) {
      t.setSafe(i, ((BigInteger) value).longValue());
    } else if (v instanceof DecimalVector t) {
      t.setSafe(i, decimal(value, t.getScale()));
    } else if (v instanceof Decimal256Vector t) {
      t.setSafe(i, decimal(value, t.getScale()));
    } else if (v instanceof Float4Vector t) {
      t.setSafe(i, ((Number) value).floatValue());
    } else if (v instanceof Float8Vector t) {
      t.setSafe(i, ((Number) value).doubleValue());
    } else if (v instanceof DateDayVector t) {
      t.setSafe(i, (int) ((LocalDate) value).toEpochDay());
    } else if (v instanceof TimeMicroVector t) {
      t.setSafe(i, ((LocalTime) value).toNanoOfDay() / 1000);
    } else if (v instanceof TimeNanoVector t) {
      t.setSafe(i, ((LocalTime) value).toNanoOfDay());
    } else if (v instanceof TimeStampVector t) {
      t.setSafe(i, timestamp(t, value));
    } else if (v instanceof IntervalMonthDayNanoVector t) {
      Interval iv = (Interval) value;
      t.setSafe(i, iv.months(), iv.days(), iv.nanos());
    } else if (v instanceof FixedSizeBinaryVector t) {
      t.setSafe(i, uuidBytes((UUID) value));
    } else if (v instanceof BaseVariableWidthVector t) {
      t.setSafe(i, value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) value);
    } else if (v instanceof MapVector t) {
      setMap(t, i, (Map<?, ?>) value);
    } else if (v instanceof ListVector t) {
      setList(t, i, (List<?>) value);
    } else if (v instanceof StructVector t) {
      Map<?, ?> fields = (Map<?, ?>) value;
      t.setIndexDefined(i);
      for (FieldVector child : t.getChildrenFromFields()) {
        set(child, i, fields.get(child.getName()));
      }
    } else {
      throw new IllegalArgumentException("no setter for " + v.getClass());
    }
  }

  private static void setNull(FieldVector v, int i) {
    if (v instanceof BaseFixedWidthVector t) {
      t.setNull(i);
    } else if (v instanceof BaseVariableWidthVector t) {
      t.setNull(i);
    } else if (v instanceof ListVector t) {
      t.setNull(i);
    } else if (v instanceof StructVector t) {
      t.setNull(i);
    } else {
      throw new IllegalArgumentException("no null setter for " + v.getClass());
    }
  }

  private static void setList(ListVector t, int i, List<?> values) {
    int start = t.startNewValue(i);
    FieldVector data = t.getDataVector();
    for (int k = 0; k < values.size(); k++) {
      set(data, start + k, values.get(k));
    }
    t.endValue(i, values.size());
    data.setValueCount(start + values.size());
  }

  private static void setMap(MapVector t, int i, Map<?, ?> values) {
    int start = t.startNewValue(i);
    StructVector entries = (StructVector) t.getDataVector();
    List<FieldVector> kv = entries.getChildrenFromFields();
    int k = 0;
    for (Map.Entry<?, ?> e : values.entrySet()) {
      entries.setIndexDefined(start + k);
      set(kv.get(0), start + k, e.getKey());
      set(kv.get(1), start + k, e.getValue());
      k++;
    }
    t.endValue(i, values.size());
    entries.setValueCount(start + values.size());
  }

  private static BigDecimal decimal(Object value, int scale) {
    BigDecimal d =
        value instanceof BigInteger b ? new BigDecimal(b) : new BigDecimal(value.toString());
    return d.setScale(scale);
  }

  private static long timestamp(TimeStampVector t, Object value) {
    Instant instant =
        value instanceof LocalDateTime ldt ? ldt.toInstant(ZoneOffset.UTC) : (Instant) value;
    TimeUnit unit = ((ArrowType.Timestamp) t.getField().getType()).getUnit();
    long seconds = instant.getEpochSecond();
    long nanos = instant.getNano();
    return switch (unit) {
      case SECOND -> seconds;
      case MILLISECOND -> seconds * 1000 + nanos / 1_000_000;
      case MICROSECOND -> seconds * 1_000_000 + nanos / 1000;
      case NANOSECOND -> seconds * 1_000_000_000 + nanos;
    };
  }

  static byte[] uuidBytes(UUID u) {
    return ByteBuffer.allocate(16)
        .putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits())
        .array();
  }
}
