package io.quacklake.internal.parquet;

import io.quacklake.types.LakeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.parquet.io.api.Binary;

/**
 * Converts a Parquet statistics value (as parquet-java holds it) of a column written by {@link
 * ArrowParquetWriter} to the canonical {@link io.quacklake.types.LakeValues} object of its type.
 */
final class StatsValues {
  private static final long MICROS = 1_000_000L;
  private static final long NANOS = 1_000_000_000L;

  private StatsValues() {}

  /**
   * The canonical value, or null when the type keeps no min/max or the value is unrepresentable.
   */
  static Object toLakeValue(Object raw, LakeType type) {
    try {
      return convert(raw, type);
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  private static Object convert(Object raw, LakeType type) {
    return switch (type.id()) {
      case BOOLEAN -> raw;
      case INT8, INT16, INT32, UINT8, UINT16 -> (long) (Integer) raw;
      case UINT32 -> Integer.toUnsignedLong((Integer) raw);
      case INT64 -> raw;
      case UINT64 -> new BigInteger(Long.toUnsignedString((Long) raw));
      case FLOAT32 -> (double) (Float) raw;
      case FLOAT64 -> raw;
      case DECIMAL -> decimal(raw, type.scale());
      case DATE -> LocalDate.ofEpochDay((Integer) raw);
      case TIME -> LocalTime.ofNanoOfDay(Math.multiplyExact((Long) raw, 1000L));
      case TIME_NS -> LocalTime.ofNanoOfDay((Long) raw);
      case TIMESTAMP, TIMESTAMP_S -> localDateTime((Long) raw, MICROS);
      case TIMESTAMP_MS -> localDateTime((Long) raw, 1000L);
      case TIMESTAMP_NS -> localDateTime((Long) raw, NANOS);
      case TIMESTAMPTZ -> instant((Long) raw, MICROS);
      case TIMESTAMPTZ_NS -> instant((Long) raw, NANOS);
      case VARCHAR, JSON -> ((Binary) raw).toStringUsingUTF8();
      case BLOB -> ((Binary) raw).getBytes();
      case UUID -> uuid((Binary) raw);
      case INT128, UINT128, INTERVAL, TIMETZ, GEOMETRY, VARIANT, STRUCT, LIST, MAP -> null;
    };
  }

  private static BigDecimal decimal(Object raw, int scale) {
    if (raw instanceof Integer i) {
      return BigDecimal.valueOf(i, scale);
    }
    if (raw instanceof Long l) {
      return BigDecimal.valueOf(l, scale);
    }
    return new BigDecimal(new BigInteger(((Binary) raw).getBytes()), scale);
  }

  private static LocalDateTime localDateTime(long value, long unitsPerSecond) {
    Instant i = instant(value, unitsPerSecond);
    return LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC);
  }

  private static Instant instant(long value, long unitsPerSecond) {
    long seconds = Math.floorDiv(value, unitsPerSecond);
    long fraction = Math.floorMod(value, unitsPerSecond);
    return Instant.ofEpochSecond(seconds, fraction * (NANOS / unitsPerSecond));
  }

  private static UUID uuid(Binary b) {
    ByteBuffer buf = ByteBuffer.wrap(b.getBytes());
    return new UUID(buf.getLong(), buf.getLong());
  }
}
