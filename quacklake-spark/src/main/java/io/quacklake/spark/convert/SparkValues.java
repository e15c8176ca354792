package io.quacklake.spark.convert;

import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import io.quacklake.types.ValueText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Values between Quacklake's canonical Java values ({@link io.quacklake.types.LakeValues}) and
 * Spark's internal ones, for the types {@link SparkTypes} maps.
 */
public final class SparkValues {
  private SparkValues() {}

  /** The Spark internal value of a canonical value of {@code column}. */
  public static Object toSpark(Object v, LakeColumn column) {
    if (v == null) {
      return null;
    }
    TypeId id = column.type().id();
    return switch (id) {
      case BOOLEAN -> v;
      case INT8 -> ((Number) v).byteValue();
      case INT16, UINT8 -> ((Number) v).shortValue();
      case INT32, UINT16 -> ((Number) v).intValue();
      case INT64, UINT32 -> ((Number) v).longValue();
      case UINT64, INT128 -> Decimal.apply(new BigDecimal((BigInteger) v), 38, 0);
      case FLOAT32 -> ((Number) v).floatValue();
      case FLOAT64 -> ((Number) v).doubleValue();
      case DECIMAL ->
          Decimal.apply((BigDecimal) v, column.type().precision(), column.type().scale());
      case DATE -> (int) ((LocalDate) v).toEpochDay();
      case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS ->
          micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC));
      case TIMESTAMPTZ, TIMESTAMPTZ_NS -> micros((Instant) v);
      case VARCHAR, JSON, VARIANT -> UTF8String.fromString((String) v);
      case UUID, TIME, TIME_NS, TIMETZ, INTERVAL, UINT128 ->
          UTF8String.fromString(ValueText.format(v, column));
      case BLOB, GEOMETRY -> v;
      case LIST -> {
        List<?> list = (List<?>) v;
        Object[] out = new Object[list.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = toSpark(list.get(i), column.children().get(0));
        }
        yield new GenericArrayData(out);
      }
      case MAP -> {
        Map<?, ?> map = (Map<?, ?>) v;
        Object[] keys = new Object[map.size()];
        Object[] values = new Object[map.size()];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          keys[i] = toSpark(e.getKey(), column.children().get(0));
          values[i] = toSpark(e.getValue(), column.children().get(1));
          i++;
        }
        yield new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(values));
      }
      case STRUCT -> {
        Map<?, ?> fields = (Map<?, ?>) v;
        List<LakeColumn> children = column.children();
        Object[] out = new Object[children.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = toSpark(fields.get(children.get(i).name()), children.get(i));
        }
        yield new GenericInternalRow(out);
      }
    };
  }

  /** The canonical value of a Spark internal value written into {@code column}. */
  public static Object fromSpark(Object v, LakeColumn column) {
    if (v == null) {
      return null;
    }
    TypeId id = column.type().id();
    return switch (id) {
      case BOOLEAN -> v;
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 -> ((Number) v).longValue();
      case UINT64, INT128 -> ((Decimal) v).toJavaBigDecimal().toBigIntegerExact();
      case FLOAT32, FLOAT64 -> ((Number) v).doubleValue();
      case DECIMAL -> ((Decimal) v).toJavaBigDecimal().setScale(column.type().scale());
      case DATE -> LocalDate.ofEpochDay((Integer) v);
      case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS ->
          LocalDateTime.ofInstant(instant((Long) v), ZoneOffset.UTC);
      case TIMESTAMPTZ, TIMESTAMPTZ_NS -> instant((Long) v);
      case VARCHAR, JSON, VARIANT -> v.toString();
      case UUID, TIME, TIME_NS, TIMETZ, INTERVAL, UINT128 -> ValueText.parse(v.toString(), column);
      case BLOB, GEOMETRY -> v;
      case LIST -> {
        ArrayData a = (ArrayData) v;
        LakeColumn element = column.children().get(0);
        DataType type = SparkTypes.type(element);
        List<Object> out = new ArrayList<>(a.numElements());
        for (int i = 0; i < a.numElements(); i++) {
          out.add(a.isNullAt(i) ? null : fromSpark(a.get(i, type), element));
        }
        yield out;
      }
      case MAP -> {
        MapData m = (MapData) v;
        LakeColumn key = column.children().get(0);
        LakeColumn value = column.children().get(1);
        ArrayData keys = m.keyArray();
        ArrayData values = m.valueArray();
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < m.numElements(); i++) {
          out.put(
              fromSpark(keys.get(i, SparkTypes.type(key)), key),
              values.isNullAt(i) ? null : fromSpark(values.get(i, SparkTypes.type(value)), value));
        }
        yield out;
      }
      case STRUCT -> {
        InternalRow row = (InternalRow) v;
        Map<String, Object> out = new LinkedHashMap<>();
        List<LakeColumn> children = column.children();
        for (int i = 0; i < children.size(); i++) {
          LakeColumn c = children.get(i);
          out.put(c.name(), row.isNullAt(i) ? null : fromSpark(row.get(i, SparkTypes.type(c)), c));
        }
        yield out;
      }
    };
  }

  private static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }
}
