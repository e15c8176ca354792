package io.quacklake.internal.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The facts about a file's primitive column that decide how its values convert to a DuckLake type.
 *
 * @param physical the physical type
 * @param kind what the logical type says the value is
 * @param unsigned whether an integer is unsigned
 * @param scale decimal scale (0 for integers)
 * @param nanosPerUnit nanoseconds per stored unit for times and timestamps (1000 when unknown)
 * @param length fixed length in bytes, 0 unless FIXED_LEN_BYTE_ARRAY
 */
record SourceType(
    PrimitiveTypeName physical,
    Kind kind,
    boolean unsigned,
    int scale,
    long nanosPerUnit,
    int length) {

  enum Kind {
    BOOLEAN,
    INTEGER,
    DECIMAL,
    FLOATING,
    DATE,
    TIME,
    TIMESTAMP,
    INT96_TIMESTAMP,
    BYTES
  }

  static SourceType of(PrimitiveType type) {
    PrimitiveTypeName p = type.getPrimitiveTypeName();
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    int length = p == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY ? type.getTypeLength() : 0;
    if (a instanceof DecimalLogicalTypeAnnotation d) {
      return new SourceType(p, Kind.DECIMAL, false, d.getScale(), 1000, length);
    }
    return switch (p) {
      case BOOLEAN -> new SourceType(p, Kind.BOOLEAN, false, 0, 1000, 0);
      case FLOAT, DOUBLE -> new SourceType(p, Kind.FLOATING, false, 0, 1000, 0);
      case INT96 -> new SourceType(p, Kind.INT96_TIMESTAMP, false, 0, 1, 12);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> new SourceType(p, Kind.BYTES, false, 0, 1000, length);
      case INT32, INT64 -> integerLike(p, a);
    };
  }

  private static SourceType integerLike(PrimitiveTypeName p, LogicalTypeAnnotation a) {
    if (a instanceof DateLogicalTypeAnnotation) {
      return new SourceType(p, Kind.DATE, false, 0, 1000, 0);
    }
    if (a instanceof TimeLogicalTypeAnnotation t) {
      return new SourceType(p, Kind.TIME, false, 0, nanos(t.getUnit()), 0);
    }
    if (a instanceof TimestampLogicalTypeAnnotation t) {
      return new SourceType(p, Kind.TIMESTAMP, false, 0, nanos(t.getUnit()), 0);
    }
    boolean unsigned = a instanceof IntLogicalTypeAnnotation i && !i.isSigned();
    return new SourceType(p, Kind.INTEGER, unsigned, 0, 1000, 0);
  }

  private static long nanos(LogicalTypeAnnotation.TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> 1_000_000L;
      case MICROS -> 1_000L;
      case NANOS -> 1L;
    };
  }

  /** Whether the values are 64-bit unsigned (read as a bit pattern). */
  boolean unsigned64() {
    return unsigned && physical == PrimitiveTypeName.INT64;
  }

  /** Converts a count of {@code fromNanos} units to {@code toNanos} units, flooring. */
  static long convertUnit(long value, long fromNanos, long toNanos) {
    if (fromNanos == toNanos) {
      return value;
    }
    if (fromNanos < toNanos) {
      return Math.floorDiv(value, toNanos / fromNanos);
    }
    return value * (fromNanos / toNanos);
  }

  /** Epoch nanoseconds of a legacy INT96 timestamp (nanos of day, then Julian day, LE). */
  static long int96ToEpochNanos(java.nio.ByteBuffer le) {
    long nanosOfDay = le.getLong(le.position());
    int julianDay = le.getInt(le.position() + 8);
    return (julianDay - 2_440_588L) * 86_400_000_000_000L + nanosOfDay;
  }
}
