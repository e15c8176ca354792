package io.quacklake.internal.expr;

import io.quacklake.types.TypeId;
import org.apache.arrow.memory.ArrowBuf;
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
    if (id == TypeId.DECIMAL && v instanceof DecimalVector) {
      return row -> b.getLong((long) row * 16);
    }
    if (width != expectedWidth(id)) {
      throw VectorMismatch.of(column, v);
    }
    return switch (id) {
      case INT8 -> row -> b.getByte(row);
      case UINT8 -> row -> b.getByte(row) & 0xFFL;
      case INT16 -> row -> b.getShort((long) row * 2);
      case UINT16 -> row -> b.getShort((long) row * 2) & 0xFFFFL;
      case INT32, DATE -> row -> b.getInt((long) row * 4);
      case UINT32 -> row -> b.getInt((long) row * 4) & 0xFFFF_FFFFL;
      case UINT64 -> row -> b.getLong((long) row * 8) ^ Long.MIN_VALUE;
      default -> row -> b.getLong((long) row * 8);
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
