package io.quacklake.internal.write;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The {@code bucket(N)} partition transform as DuckDB computes it: {@code (murmur3_x86_32(bytes,
 * seed 0) & 0x7FFFFFFF) % N}, where the bytes depend on DuckDB's physical type (spec digest §6.4):
 * integers, dates, times and timestamps as their raw integer in an 8-byte little-endian long,
 * DECIMAL up to 18 digits as its unscaled long, floating values as the bits of the double, VARCHAR
 * and BLOB as their bytes, and HUGEINT, UUID and wider decimals as their DuckDB text.
 */
public final class BucketHash {
  private BucketHash() {}

  /** Whether a column of this type can be bucketed (the types whose hash bytes are known). */
  public static boolean supports(TypeId type) {
    return switch (type) {
      case BOOLEAN,
          INT8,
          INT16,
          INT32,
          INT64,
          INT128,
          FLOAT32,
          FLOAT64,
          DECIMAL,
          DATE,
          TIME,
          TIME_NS,
          TIMESTAMP,
          TIMESTAMP_S,
          TIMESTAMP_MS,
          TIMESTAMP_NS,
          TIMESTAMPTZ,
          TIMESTAMPTZ_NS,
          VARCHAR,
          JSON,
          BLOB,
          UUID ->
          true;
      default -> false;
    };
  }

  /** The bucket of a canonical non-null value, in {@code [0, buckets)}. */
  public static int bucket(Object value, LakeColumn column, int buckets) {
    return (hash(value, column) & 0x7FFFFFFF) % buckets;
  }

  /** DuckDB's murmur3 hash of a canonical non-null value of the column's type. */
  public static int hash(Object value, LakeColumn column) {
    byte[] bytes = bytes(value, column);
    return MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
  }

  private static byte[] bytes(Object value, LakeColumn column) {
    TypeId type = column.type().id();
    return switch (type) {
      case BOOLEAN -> longBytes((Boolean) value ? 1 : 0);
      case INT8, INT16, INT32, INT64 -> longBytes(((Number) value).longValue());
      case FLOAT32, FLOAT64 -> longBytes(Double.doubleToLongBits(normalised((Double) value)));
      case DECIMAL ->
          column.type().precision() <= 18
              ? longBytes(((BigDecimal) value).unscaledValue().longValueExact())
              : text(value, column);
      case DATE -> longBytes(((LocalDate) value).toEpochDay());
      case TIME -> longBytes(((LocalTime) value).toNanoOfDay() / 1000);
      case TIME_NS -> longBytes(((LocalTime) value).toNanoOfDay());
      case TIMESTAMP, TIMESTAMP_S, TIMESTAMP_MS, TIMESTAMP_NS ->
          longBytes(units(((LocalDateTime) value).toInstant(ZoneOffset.UTC), type));
      case TIMESTAMPTZ -> longBytes(units((Instant) value, TypeId.TIMESTAMP));
      case TIMESTAMPTZ_NS -> longBytes(units((Instant) value, TypeId.TIMESTAMP_NS));
      case VARCHAR, JSON -> ((String) value).getBytes(StandardCharsets.UTF_8);
      case BLOB -> (byte[]) value;
      case INT128, UUID -> text(value, column);
      default ->
          throw QuacklakeException.unsupported(
              "cannot bucket column %s of type %s", column.name(), column.sqlTypeName());
    };
  }

  private static double normalised(double d) {
    return d == 0.0 ? 0.0 : d;
  }

  private static long units(Instant t, TypeId type) {
    long perSecond =
        switch (type) {
          case TIMESTAMP_S -> 1L;
          case TIMESTAMP_MS -> 1_000L;
          case TIMESTAMP_NS -> 1_000_000_000L;
          default -> 1_000_000L;
        };
    return Math.addExact(
        Math.multiplyExact(t.getEpochSecond(), perSecond),
        t.getNano() / (1_000_000_000L / perSecond));
  }

  private static byte[] text(Object value, LakeColumn column) {
    return DuckDbText.format(value, column).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] longBytes(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }
}
