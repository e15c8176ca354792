package io.quacklake.internal.text;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Canonical Java value → DuckDB's {@code CAST(x AS VARCHAR)} text. */
final class ValueFormatter {
  private ValueFormatter() {}

  static void append(StringBuilder out, Object value, LakeColumn column) {
    if (value == null) {
      out.append("NULL");
      return;
    }
    TypeId id = column.type().id();
    switch (id) {
      case LIST -> appendList(out, as(value, List.class, column), column);
      case STRUCT -> appendStruct(out, as(value, Map.class, column), column);
      case MAP -> appendMap(out, as(value, Map.class, column), column);
      default -> appendPrimitive(out, value, column);
    }
  }

  private static void appendPrimitive(StringBuilder out, Object value, LakeColumn column) {
    switch (column.type().id()) {
      case BOOLEAN -> out.append((boolean) as(value, Boolean.class, column));
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, UINT64, INT128, UINT128 ->
          out.append(integer(value, column));
      case FLOAT32 -> FloatText.appendFloat(out, as(value, Number.class, column).floatValue());
      case FLOAT64 -> FloatText.appendDouble(out, as(value, Number.class, column).doubleValue());
      case DECIMAL -> DecimalText.append(out, decimal(value, column), column.type().precision());
      case DATE -> appendDate(out, as(value, LocalDate.class, column));
      case TIME, TIME_NS, TIMETZ -> appendTime(out, as(value, LocalTime.class, column), column);
      case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS ->
          appendTimestamp(out, as(value, LocalDateTime.class, column), column.type().id());
      case TIMESTAMPTZ, TIMESTAMPTZ_NS ->
          appendInstant(out, as(value, Instant.class, column), column.type().id());
      case INTERVAL -> {
        Interval iv = as(value, Interval.class, column);
        IntervalText.append(out, iv.months(), iv.days(), iv.nanos());
      }
      case VARCHAR, JSON, VARIANT -> out.append(as(value, String.class, column));
      case BLOB -> BlobText.append(out, as(value, byte[].class, column));
      case GEOMETRY -> out.append(GeometryText.format(as(value, byte[].class, column)));
      case UUID -> out.append(as(value, UUID.class, column));
      default -> throw new IllegalStateException("nested type " + column.type());
    }
  }

  private static void appendList(StringBuilder out, List<?> list, LakeColumn column) {
    LakeColumn element = column.children().get(0);
    boolean json = element.type().id() == TypeId.JSON;
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      if (json) {
        out.append(list.get(i) == null ? "null" : as(list.get(i), String.class, element));
      } else {
        appendElement(out, list.get(i), element);
      }
    }
    out.append(']');
  }

  private static void appendStruct(StringBuilder out, Map<?, ?> map, LakeColumn column) {
    out.append('{');
    boolean first = true;
    for (LakeColumn child : column.children()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      NestedQuoting.append(out, child.name(), true);
      out.append(": ");
      appendElement(out, map.get(child.name()), child);
    }
    out.append('}');
  }

  private static void appendMap(StringBuilder out, Map<?, ?> map, LakeColumn column) {
    LakeColumn key = column.children().get(0);
    LakeColumn value = column.children().get(1);
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      appendElement(out, e.getKey(), key);
      out.append('=');
      appendElement(out, e.getValue(), value);
    }
    out.append('}');
  }

  private static void appendElement(StringBuilder out, Object value, LakeColumn column) {
    if (value == null || column.type().id().isNested()) {
      append(out, value, column);
    } else {
      StringBuilder text = new StringBuilder();
      appendPrimitive(text, value, column);
      NestedQuoting.append(out, text, false);
    }
  }

  private static String integer(Object value, LakeColumn column) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    throw wrongClass(value, "Long or BigInteger", column);
  }

  private static BigDecimal decimal(Object value, LakeColumn column) {
    BigDecimal d = as(value, BigDecimal.class, column);
    try {
      return d.setScale(column.type().scale());
    } catch (ArithmeticException e) {
      throw QuacklakeException.invalid(
          "column '%s' (%s): %s does not fit the scale without rounding",
          column.name(), column.type(), d.toPlainString());
    }
  }

  private static void appendDate(StringBuilder out, LocalDate date) {
    if (date.equals(LocalDate.MAX) || date.equals(LocalDate.MIN)) {
      out.append(date.equals(LocalDate.MAX) ? "infinity" : "-infinity");
    } else {
      TemporalText.appendDate(out, date.toEpochDay());
    }
  }

  private static void appendTime(StringBuilder out, LocalTime time, LakeColumn column) {
    boolean nanos = column.type().id() == TypeId.TIME_NS;
    // LocalTime.MAX stands for 24:00:00 at microsecond precision; at nanosecond precision it is
    // the value 23:59:59.999999999 itself
    long nanoOfDay =
        time.equals(LocalTime.MAX) && !nanos ? TemporalText.NANOS_PER_DAY : time.toNanoOfDay();
    TemporalText.appendTime(out, nanoOfDay, nanos ? 9 : 6);
    if (column.type().id() == TypeId.TIMETZ) {
      out.append("+00");
    }
  }

  private static void appendTimestamp(StringBuilder out, LocalDateTime ts, TypeId id) {
    if (ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN)) {
      out.append(ts.equals(LocalDateTime.MAX) ? "infinity" : "-infinity");
      return;
    }
    long nanoOfDay = truncate(ts.toLocalTime().toNanoOfDay(), id);
    TemporalText.appendDateTime(
        out, ts.toLocalDate().toEpochDay(), nanoOfDay, id == TypeId.TIMESTAMP_NS ? 9 : 6);
  }

  private static void appendInstant(StringBuilder out, Instant instant, TypeId id) {
    if (instant.equals(Instant.MAX) || instant.equals(Instant.MIN)) {
      out.append(instant.equals(Instant.MAX) ? "infinity" : "-infinity");
      return;
    }
    long day = Math.floorDiv(instant.getEpochSecond(), 86_400);
    long nanoOfDay = Math.floorMod(instant.getEpochSecond(), 86_400) * 1_000_000_000L;
    nanoOfDay = truncate(nanoOfDay + instant.getNano(), id);
    TemporalText.appendDateTime(out, day, nanoOfDay, id == TypeId.TIMESTAMPTZ_NS ? 9 : 6);
    out.append("+00");
  }

  private static long truncate(long nanoOfDay, TypeId id) {
    long unit =
        switch (id) {
          case TIMESTAMP_S -> 1_000_000_000L;
          case TIMESTAMP_MS -> 1_000_000L;
          case TIMESTAMP_NS, TIMESTAMPTZ_NS -> 1L;
          default -> 1_000L;
        };
    return nanoOfDay - nanoOfDay % unit;
  }

  private static <T> T as(Object value, Class<T> type, LakeColumn column) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    throw wrongClass(value, type.getSimpleName(), column);
  }

  private static QuacklakeException wrongClass(Object value, String expected, LakeColumn column) {
    return QuacklakeException.invalid(
        "column '%s' (%s) expects a %s value, got %s",
        column.name(), column.type(), expected, value.getClass().getName());
  }
}
