package io.quacklake.internal.expr;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.Interval;
import io.quacklake.types.LakeColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.*;

/** Builds Arrow batches from rows of canonical values, for tests. */
final class TestBatch {
  private TestBatch() {}

  static VectorSchemaRoot of(BufferAllocator alloc, List<LakeColumn> columns, List<Object[]> rows) {
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(columns), alloc);
    root.allocateNew();
    for (int c = 0; c < columns.size(); c++) {
      FieldVector v = root.getVector(c);
      for (int r = 0; r < rows.size(); r++) {
        set(v, columns.get(c), r, rows.get(r)[c]);
      }
      v.setValueCount(rows.size());
    }
    root.setRowCount(rows.size());
    return root;
  }

  private static void set(FieldVector v, LakeColumn col, int i, Object value) {
    if (value == null) {
      if (v instanceof BaseFixedWidthVector f) {
        f.setNull(i);
      } else if (v instanceof BaseVariableWidthVector f) {
        f.setNull(i);
      } else {
        throw new IllegalArgumentException("no test writer for NULL in " + col.type());
      }
      return;
    }
    switch (col.type().id()) {
      case BOOLEAN -> ((BitVector) v).setSafe(i, (Boolean) value ? 1 : 0);
      case INT8 -> ((TinyIntVector) v).setSafe(i, (byte) (long) (Long) value);
      case INT16 -> ((SmallIntVector) v).setSafe(i, (short) (long) (Long) value);
      case INT32 -> ((IntVector) v).setSafe(i, (int) (long) (Long) value);
      case INT64 -> ((BigIntVector) v).setSafe(i, (Long) value);
      case UINT8 -> ((UInt1Vector) v).setSafe(i, (int) (long) (Long) value);
      case UINT16 -> ((UInt2Vector) v).setSafe(i, (int) (long) (Long) value);
      case UINT32 -> ((UInt4Vector) v).setSafe(i, (int) (long) (Long) value);
      case UINT64 -> ((UInt8Vector) v).setSafe(i, ((BigInteger) value).longValue());
      case INT128 -> ((DecimalVector) v).setSafe(i, new BigDecimal((BigInteger) value));
      case UINT128 -> ((Decimal256Vector) v).setSafe(i, new BigDecimal((BigInteger) value));
      case DECIMAL -> ((DecimalVector) v).setSafe(i, (BigDecimal) value);
      case FLOAT32 -> ((Float4Vector) v).setSafe(i, (float) (double) (Double) value);
      case FLOAT64 -> ((Float8Vector) v).setSafe(i, (Double) value);
      case DATE -> ((DateDayVector) v).setSafe(i, (int) ((LocalDate) value).toEpochDay());
      case TIME, TIMETZ ->
          ((TimeMicroVector) v).setSafe(i, ((LocalTime) value).toNanoOfDay() / 1000);
      case TIME_NS -> ((TimeNanoVector) v).setSafe(i, ((LocalTime) value).toNanoOfDay());
      case TIMESTAMP ->
          ((TimeStampVector) v).setSafe(i, epoch((LocalDateTime) value, ChronoUnit.MICROS));
      case TIMESTAMP_S ->
          ((TimeStampVector) v).setSafe(i, epoch((LocalDateTime) value, ChronoUnit.SECONDS));
      case TIMESTAMP_MS ->
          ((TimeStampVector) v).setSafe(i, epoch((LocalDateTime) value, ChronoUnit.MILLIS));
      case TIMESTAMP_NS ->
          ((TimeStampVector) v).setSafe(i, epoch((LocalDateTime) value, ChronoUnit.NANOS));
      case TIMESTAMPTZ ->
          ((TimeStampVector) v)
              .setSafe(i, ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) value));
      case TIMESTAMPTZ_NS ->
          ((TimeStampVector) v)
              .setSafe(i, ChronoUnit.NANOS.between(Instant.EPOCH, (Instant) value));
      case INTERVAL -> {
        Interval iv = (Interval) value;
        ((IntervalMonthDayNanoVector) v).setSafe(i, iv.months(), iv.days(), iv.nanos());
      }
      case VARCHAR, JSON ->
          ((VarCharVector) v).setSafe(i, ((String) value).getBytes(StandardCharsets.UTF_8));
      case BLOB -> ((VarBinaryVector) v).setSafe(i, (byte[]) value);
      case UUID -> {
        UUID u = (UUID) value;
        byte[] b =
            ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits())
                .array();
        ((FixedSizeBinaryVector) v).setSafe(i, b);
      }
      default -> throw new IllegalArgumentException("no test writer for " + col.type());
    }
  }

  private static long epoch(LocalDateTime t, ChronoUnit unit) {
    return unit.between(Instant.EPOCH, t.toInstant(ZoneOffset.UTC));
  }
}
