package io.quacklake.internal.expr;

import io.quacklake.types.Interval;
import java.math.BigInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;

/**
 * Reads the key of a {@link KeySpace.Family#BIG} column: the unscaled value of a 128/256-bit
 * decimal vector (HUGEINT, UHUGEINT, wide DECIMAL) or an interval's length in nanoseconds.
 */
@FunctionalInterface
interface BigReader {
  BigInteger get(int row);

  static BigReader of(FieldVector v, ColumnSlot column) {
    if (v instanceof DecimalVector d) {
      return row -> d.getObject(row).unscaledValue();
    } else if (v instanceof Decimal256Vector d) {
      return row -> d.getObject(row).unscaledValue();
    } else if (v instanceof IntervalMonthDayNanoVector iv) {
      ArrowBuf b = iv.getDataBuffer();
      return row -> {
        long at = (long) row * 16;
        return LiteralConversion.intervalNanos(
            new Interval(b.getInt(at), b.getInt(at + 4), b.getLong(at + 8)));
      };
    }
    throw VectorMismatch.of(column, v);
  }
}
