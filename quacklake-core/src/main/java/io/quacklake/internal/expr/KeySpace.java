package io.quacklake.internal.expr;

import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.math.BigInteger;

/**
 * How values of a column type are compared in a bound filter: as exact integers held in a {@code
 * long} ({@link Family#LONG}) or a {@link BigInteger} ({@link Family#BIG}), as doubles in DuckDB's
 * total order, or as unsigned bytes. Exact families compare "keys": the integer, the unscaled
 * decimal, days since the epoch, the time or timestamp in the type's unit, an interval's length in
 * nanoseconds (a month = 30 days, as DuckDB normalises), a boolean as 0/1.
 *
 * @param min smallest key of the type (exact families)
 * @param max largest key of the type (exact families)
 * @param nanosPerUnit length of one key unit in nanoseconds for temporal types, else 0
 */
record KeySpace(LakeType type, Family family, BigInteger min, BigInteger max, long nanosPerUnit) {
  enum Family {
    LONG,
    BIG,
    DOUBLE,
    BYTES,
    NONE
  }

  static final long NANOS_PER_DAY = 86_400_000_000_000L;

  static KeySpace of(LakeType type) {
    TypeId id = type.id();
    return switch (id) {
      case BOOLEAN -> exact(type, Family.LONG, 0, 1, 0);
      case INT8 -> exact(type, Family.LONG, Byte.MIN_VALUE, Byte.MAX_VALUE, 0);
      case INT16 -> exact(type, Family.LONG, Short.MIN_VALUE, Short.MAX_VALUE, 0);
      case INT32 -> exact(type, Family.LONG, Integer.MIN_VALUE, Integer.MAX_VALUE, 0);
      case INT64 -> exact(type, Family.LONG, Long.MIN_VALUE, Long.MAX_VALUE, 0);
      case UINT8 -> exact(type, Family.LONG, 0, 255, 0);
      case UINT16 -> exact(type, Family.LONG, 0, 65535, 0);
      case UINT32 -> exact(type, Family.LONG, 0, 0xFFFF_FFFFL, 0);
      case UINT64 -> new KeySpace(type, Family.LONG, BigInteger.ZERO, unsignedMax(64), 0);
      case INT128 ->
          new KeySpace(type, Family.BIG, BigInteger.ONE.shiftLeft(127).negate(), signedMax(128), 0);
      case UINT128 -> new KeySpace(type, Family.BIG, BigInteger.ZERO, unsignedMax(128), 0);
      case DECIMAL -> {
        BigInteger max = BigInteger.TEN.pow(type.precision()).subtract(BigInteger.ONE);
        yield new KeySpace(
            type, type.precision() <= 18 ? Family.LONG : Family.BIG, max.negate(), max, 0);
      }
      case DATE -> exact(type, Family.LONG, Integer.MIN_VALUE, Integer.MAX_VALUE, NANOS_PER_DAY);
      case TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ -> temporal(type, 1_000L);
      case TIME_NS, TIMESTAMP_NS, TIMESTAMPTZ_NS -> temporal(type, 1L);
      case TIMESTAMP_S -> temporal(type, 1_000_000_000L);
      case TIMESTAMP_MS -> temporal(type, 1_000_000L);
      case INTERVAL -> new KeySpace(type, Family.BIG, signedMax(128).negate(), signedMax(128), 1);
      case FLOAT32, FLOAT64 -> new KeySpace(type, Family.DOUBLE, null, null, 0);
      case VARCHAR, JSON, BLOB, UUID -> new KeySpace(type, Family.BYTES, null, null, 0);
      case GEOMETRY, VARIANT, STRUCT, LIST, MAP -> new KeySpace(type, Family.NONE, null, null, 0);
    };
  }

  boolean isExact() {
    return family == Family.LONG || family == Family.BIG;
  }

  boolean isTemporal() {
    return nanosPerUnit > 0 && type.id() != TypeId.INTERVAL;
  }

  /** The long a key of a {@link Family#LONG} space is held in (uint64 is shifted by -2^63). */
  long toLong(BigInteger key) {
    return type.id() == TypeId.UINT64
        ? key.subtract(BigInteger.ONE.shiftLeft(63)).longValue()
        : key.longValueExact();
  }

  private static KeySpace exact(LakeType type, Family f, long min, long max, long nanosPerUnit) {
    return new KeySpace(type, f, BigInteger.valueOf(min), BigInteger.valueOf(max), nanosPerUnit);
  }

  private static KeySpace temporal(LakeType type, long nanosPerUnit) {
    return exact(type, Family.LONG, Long.MIN_VALUE, Long.MAX_VALUE, nanosPerUnit);
  }

  private static BigInteger unsignedMax(int bits) {
    return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }

  private static BigInteger signedMax(int bits) {
    return BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
  }
}
