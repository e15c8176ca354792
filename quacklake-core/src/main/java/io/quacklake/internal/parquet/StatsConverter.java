package io.quacklake.internal.parquet;

import io.quacklake.internal.expr.ColumnStats;
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
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Converts a column chunk's footer statistics to {@link ColumnStats} in canonical values of the
 * requested DuckLake type. Min/max are left unknown where they cannot be trusted: (u)hugeint stored
 * as DOUBLE, intervals, timetz, NaN bounds and anything that does not convert.
 */
final class StatsConverter {
  private StatsConverter() {}

  static ColumnStats convert(
      PrimitiveType fileType, LakeType target, Statistics<?> stats, long rowCount) {
    if (stats == null || stats.isEmpty()) {
      return ColumnStats.UNKNOWN;
    }
    Long nulls = stats.isNumNullsSet() ? stats.getNumNulls() : null;
    Long values = nulls == null ? null : rowCount - nulls;
    Object min = null;
    Object max = null;
    if (stats.hasNonNullValue()) {
      SourceType src = SourceType.of(fileType);
      try {
        min = value(src, target, stats.genericGetMin());
        max = value(src, target, stats.genericGetMax());
      } catch (ArithmeticException | DateTimeException e) {
        min = null;
      }
      if (min == null || max == null) {
        min = null;
        max = null;
      }
    }
    return new ColumnStats(min, max, nulls, values, null);
  }

  /** The canonical value of one raw statistics value, or null when unknown. */
  static Object value(SourceType src, LakeType target, Object raw) {
    switch (target.id()) {
      case BOOLEAN:
        return raw instanceof Boolean ? raw : null;
      case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32:
        return src.kind() == SourceType.Kind.INTEGER && !src.unsigned64()
            ? integer(src, raw)
            : null;
      case UINT64:
        if (src.kind() != SourceType.Kind.INTEGER) {
          return null;
        }
        long bits = integer(src, raw);
        return src.unsigned64()
            ? new BigInteger(Long.toUnsignedString(bits))
            : BigInteger.valueOf(bits);
      case FLOAT32, FLOAT64:
        return floating(src, raw);
      case DECIMAL:
        BigDecimal d = decimal(src, raw);
        return d == null ? null : d.setScale(target.scale());
      case DATE:
        return src.kind() == SourceType.Kind.DATE ? LocalDate.ofEpochDay((Integer) raw) : null;
      case TIME, TIME_NS:
        return src.kind() == SourceType.Kind.TIME
            ? LocalTime.ofNanoOfDay(((Number) raw).longValue() * src.nanosPerUnit())
            : null;
      case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS:
        Instant local = instant(src, target, raw);
        return local == null ? null : LocalDateTime.ofInstant(local, ZoneOffset.UTC);
      case TIMESTAMPTZ, TIMESTAMPTZ_NS:
        return instant(src, target, raw);
      case VARCHAR, JSON:
        return raw instanceof Binary b && src.kind() == SourceType.Kind.BYTES
            ? b.toStringUsingUTF8()
            : null;
      case BLOB:
        return raw instanceof Binary b && src.kind() == SourceType.Kind.BYTES ? b.getBytes() : null;
      case UUID:
        if (raw instanceof Binary b && b.length() == 16) {
          ByteBuffer bb = b.toByteBuffer();
          return new UUID(bb.getLong(bb.position()), bb.getLong(bb.position() + 8));
        }
        return null;
      default:
        return null;
    }
  }

  private static long integer(SourceType src, Object raw) {
    if (raw instanceof Integer i) {
      return src.unsigned() ? Integer.toUnsignedLong(i) : i;
    }
    return (Long) raw;
  }

  private static Double floating(SourceType src, Object raw) {
    double v;
    if (raw instanceof Float f) {
      v = f;
    } else if (raw instanceof Double x) {
      v = x;
    } else {
      BigDecimal d = decimal(src, raw);
      if (d == null) {
        return null;
      }
      v = d.doubleValue();
    }
    return Double.isNaN(v) ? null : v;
  }

  private static BigDecimal decimal(SourceType src, Object raw) {
    if (src.kind() != SourceType.Kind.INTEGER && src.kind() != SourceType.Kind.DECIMAL) {
      return null;
    }
    if (raw instanceof Binary b) {
      return new BigDecimal(new BigInteger(b.getBytes()), src.scale());
    }
    long v = integer(src, raw);
    return src.unsigned64()
        ? new BigDecimal(new BigInteger(Long.toUnsignedString(v)), src.scale())
        : BigDecimal.valueOf(v, src.scale());
  }

  private static Instant instant(SourceType src, LakeType target, Object raw) {
    if (src.kind() != SourceType.Kind.TIMESTAMP || !(raw instanceof Long v)) {
      return null;
    }
    long unit = LeafWriterFactory.targetNanosPerUnit(target.id());
    long value = SourceType.convertUnit(v, src.nanosPerUnit(), unit);
    long perSecond = 1_000_000_000L / unit;
    return Instant.ofEpochSecond(
        Math.floorDiv(value, perSecond), Math.floorMod(value, perSecond) * unit);
  }
}
