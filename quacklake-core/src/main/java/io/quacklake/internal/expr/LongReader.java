package io.quacklake.internal.expr;

import io.quacklake.types.TypeId;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads the key of a {@link KeySpace.Family#LONG} column straight from a vector's data buffer, with
 * no boxing: integers (unsigned zero-extended, UINT64 shifted by -2^63 to keep its order), booleans
 * as 0/1, DECIMAL(p ≤ 18) as its unscaled value, dates, times and timestamps in their unit.
 */
@FunctionalInterface
interface LongReader {
  long get(int row);

  static LongReader of(FieldVector v, ColumnSlot column) {
    TypeId id = column.space().type().id();
    if (id == TypeId.BOOLEAN) {
      if (v instanceof BitVector bits) {
        return bits::get;
      }
      throw VectorMismatch.of(column, v);
    }
    if (!(v instanceof BaseFixedWidthVector fixed)) {
      throw VectorMismatch.of(column, v);
    }
    ArrowBuf b = fixed.getDataBuffer();
    int width = fixed.getTypeWidth();
    boolean decimal = id == TypeId.DECIMAL && v instanceof DecimalVector;
    if (!decimal && width != expectedWidth(id)) {
      throw VectorMismatch.of(column, v);
    }
    int count = v.getValueCount();
    if ((long) count * width > b.capacity()) {
      throw VectorMismatch.of(column, v);
    }
    // rows are checked against the value count (an intrinsic) instead of ArrowBuf's bounds and
    // reference-count checks on every access; the reader holds the buffer's raw address, so it is
    // made per filter call and must never outlive the batch
    long a = b.memoryAddress();
    if (decimal) {
      return row -> MemoryUtil.getLong(a + 16L * Objects.checkIndex(row, count));
    }
    return switch (id) {
      case INT8 -> row -> MemoryUtil.getByte(a + Objects.checkIndex(row, count));
      case UINT8 -> row -> MemoryUtil.getByte(a + Objects.checkIndex(row, count)) & 0xFFL;
      case INT16 -> row -> MemoryUtil.getShort(a + 2L * Objects.checkIndex(row, count));
      case UINT16 -> row -> MemoryUtil.getShort(a + 2L * Objects.checkIndex(row, count)) & 0xFFFFL;
      case INT32, DATE -> row -> MemoryUtil.getInt(a + 4L * Objects.checkIndex(row, count));
      case UINT32 ->
          row -> MemoryUtil.getInt(a + 4L * Objects.checkIndex(row, count)) & 0xFFFF_FFFFL;
      case UINT64 ->
          row -> MemoryUtil.getLong(a + 8L * Objects.checkIndex(row, count)) ^ Long.MIN_VALUE;
      default -> row -> MemoryUtil.getLong(a + 8L * Objects.checkIndex(row, count));
    };
  }

  /**
   * 4 or 8 when {@link #of} reads the column as the plain signed integer of that many bytes of its
   * data buffer (checked by {@code of}), otherwise 0.
   */
  static int signedWidth(FieldVector v, ColumnSlot column) {
    TypeId id = column.space().type().id();
    if (v instanceof DecimalVector || !(v instanceof BaseFixedWidthVector)) {
      return 0;
    }
    return switch (id) {
      case INT32, DATE -> 4;
      case INT8, UINT8, INT16, UINT16, UINT32, UINT64, BOOLEAN, DECIMAL -> 0;
      default -> 8;
    };
  }

  private static int expectedWidth(TypeId id) {
    return switch (id) {
      case INT8, UINT8 -> 1;
      case INT16, UINT16 -> 2;
      case INT32, UINT32, DATE -> 4;
      default -> 8;
    };
  }
}
