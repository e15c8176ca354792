package io.quacklake.internal.parquet;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.holders.NullableIntervalMonthDayNanoHolder;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Test-side canonical values of Arrow cells (independent of the production ArrowValues). Blobs are
 * rendered as {@code hex:...} strings so rows compare with equals.
 */
final class VectorValues {
  private VectorValues() {}

  static List<List<Object>> rows(VectorSchemaRoot root) {
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < root.getRowCount(); r++) {
      List<Object> row = new ArrayList<>();
      for (FieldVector v : root.getFieldVectors()) {
        row.add(get(v, r));
      }
      rows.add(row);
    }
    return rows;
  }

  static Object get(FieldVector v, int i) {
    if (v.isNull(i)) {
      return null;
    }
    LakeType lake = ArrowTypes.lakeType(v.getField());
    if (v instanceof MapVector m) {
      StructVector entries = (StructVector) m.getDataVector();
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int k = m.getElementStartIndex(i); k < m.getElementEndIndex(i); k++) {
        map.put(
            get((FieldVector) entries.getChildByOrdinal(0), k),
            get((FieldVector) entries.getChildByOrdinal(1), k));
      }
      return map;
    }
    if (v instanceof ListVector l) {
      List<Object> list = new ArrayList<>();
      for (int k = l.getElementStartIndex(i); k < l.getElementEndIndex(i); k++) {
        list.add(get(l.getDataVector(), k));
      }
      return list;
    }
    if (v instanceof StructVector s) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (FieldVector c : s.getChildrenFromFields()) {
        map.put(c.getName(), get(c, i));
      }
      return map;
    }
    if (v instanceof BitVector b) {
      return b.get(i) != 0;
    }
    if (v instanceof TinyIntVector x) {
      return (long) x.get(i);
    }
    if (v instanceof SmallIntVector x) {
      return (long) x.get(i);
    }
    if (v instanceof IntVector x) {
      return (long) x.get(i);
    }
    if (v instanceof BigIntVector x) {
      return x.get(i);
    }
    if (v instanceof UInt1Vector x) {
      return (long) (x.get(i) & 0xFF);
    }
    if (v instanceof UInt2Vector x) {
      return (long) x.get(i);
    }
    if (v instanceof UInt4Vector x) {
      return Integer.toUnsignedLong(x.get(i));
    }
    if (v instanceof UInt8Vector x) {
      return new BigInteger(Long.toUnsignedString(x.get(i)));
    }
    if (v instanceof DecimalVector x) {
      BigDecimal d = x.getObject(i);
      return lake != null && lake.id() == TypeId.INT128 ? d.toBigIntegerExact() : d;
    }
    if (v instanceof Decimal256Vector x) {
      return x.getObject(i).toBigIntegerExact();
    }
    if (v instanceof Float4Vector x) {
      return (double) x.get(i);
    }
    if (v instanceof Float8Vector x) {
      return x.get(i);
    }
    if (v instanceof DateDayVector x) {
      return LocalDate.ofEpochDay(x.get(i));
    }
    if (v instanceof TimeMicroVector x) {
      return LocalTime.ofNanoOfDay(x.get(i) * 1000);
    }
    if (v instanceof TimeNanoVector x) {
      return LocalTime.ofNanoOfDay(x.get(i));
    }
    if (v instanceof TimeStampVector x) {
      ArrowType.Timestamp t = (ArrowType.Timestamp) v.getField().getType();
      long nanos =
          switch (t.getUnit()) {
            case SECOND -> 1_000_000_000L;
            case MILLISECOND -> 1_000_000L;
            case MICROSECOND -> 1_000L;
            case NANOSECOND -> 1L;
          };
      long value = x.get(i);
      long perSecond = 1_000_000_000L / nanos;
      Instant instant =
          Instant.ofEpochSecond(
              Math.floorDiv(value, perSecond), Math.floorMod(value, perSecond) * nanos);
      return t.getTimezone() != null ? instant : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    if (v instanceof IntervalMonthDayNanoVector x) {
      NullableIntervalMonthDayNanoHolder h = new NullableIntervalMonthDayNanoHolder();
      x.get(i, h);
      return new Interval(h.months, h.days, h.nanoseconds);
    }
    if (v instanceof VarCharVector x) {
      return new String(x.get(i), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (v instanceof VarBinaryVector x) {
      return "hex:" + HexFormat.of().formatHex(x.get(i));
    }
    if (v instanceof FixedSizeBinaryVector x) {
      ByteBuffer b = ByteBuffer.wrap(x.get(i));
      return new UUID(b.getLong(0), b.getLong(8));
    }
    throw new IllegalArgumentException("no test rendering for " + v.getClass());
  }
}
