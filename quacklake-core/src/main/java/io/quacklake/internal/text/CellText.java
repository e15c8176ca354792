package io.quacklake.internal.text;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** {@code CAST(x AS VARCHAR)} of one non-NULL primitive Arrow cell, read with primitive getters. */
final class CellText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CellText() {}

  static void append(StringBuilder out, FieldVector vector, int index) {
    if (vector instanceof BitVector v) {
      out.append(v.get(index) != 0);
    } else if (vector instanceof UInt8Vector v) {
      out.append(Long.toUnsignedString(v.get(index)));
    } else if (vector instanceof BaseIntVector v) {
      out.append(integer(vector, v.getValueAsLong(index)));
    } else if (vector instanceof Float4Vector v) {
      FloatText.appendFloat(out, v.get(index));
    } else if (vector instanceof Float8Vector v) {
      FloatText.appendDouble(out, v.get(index));
    } else if (vector instanceof DecimalVector v) {
      DecimalText.append(out, v.getObject(index), v.getPrecision());
    } else if (vector instanceof Decimal256Vector v) {
      DecimalText.append(out, v.getObject(index), v.getPrecision());
    } else if (vector instanceof DateDayVector v) {
      TemporalText.appendDate(out, v.get(index));
    } else if (vector instanceof TimeMicroVector v) {
      TemporalText.appendTime(out, v.get(index) * 1000, 6);
      if (FieldKinds.isTimeTz(vector.getField())) {
        out.append("+00");
      }
    } else if (vector instanceof TimeNanoVector v) {
      TemporalText.appendTime(out, v.get(index), 9);
    } else if (vector instanceof TimeStampVector v) {
      ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
      long unitNanos =
          switch (type.getUnit()) {
            case SECOND -> 1_000_000_000L;
            case MILLISECOND -> 1_000_000L;
            case MICROSECOND -> 1_000L;
            case NANOSECOND -> 1L;
          };
      TemporalText.appendTimestamp(out, v.get(index), unitNanos, type.getTimezone() != null);
    } else if (vector instanceof IntervalMonthDayNanoVector v) {
      ArrowBuf data = v.getDataBuffer();
      long offset = (long) index * IntervalMonthDayNanoVector.TYPE_WIDTH;
      IntervalText.append(
          out, data.getInt(offset), data.getInt(offset + 4), data.getLong(offset + 8));
    } else if (vector instanceof VarCharVector v) {
      out.append(new String(v.get(index), StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector v) {
      if (FieldKinds.isGeometry(vector.getField())) {
        out.append(GeometryText.format(v.get(index)));
      } else {
        BlobText.append(out, v.get(index));
      }
    } else if (vector instanceof FixedSizeBinaryVector v && v.getByteWidth() == 16) {
      appendUuid(out, v.getDataBuffer(), (long) index * 16);
    } else {
      throw io.quacklake.exceptions.QuacklakeException.unsupported(
          "field '%s': no DuckDB text form for Arrow type %s",
          vector.getField().getName(), vector.getField().getType());
    }
  }

  private static long integer(FieldVector vector, long value) {
    int bits = ((ArrowType.Int) vector.getField().getType()).getBitWidth();
    boolean signed = ((ArrowType.Int) vector.getField().getType()).getIsSigned();
    return signed ? value : value & ((1L << bits) - 1);
  }

  private static void appendUuid(StringBuilder out, ArrowBuf data, long offset) {
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        out.append('-');
      }
      int b = data.getByte(offset + i) & 0xFF;
      out.append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
  }
}
