package io.quacklake.internal.expr;

import io.quacklake.expr.CompareOp;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * {@code column op constant} on VARCHAR, JSON, BLOB or UUID values compared as unsigned bytes, as
 * DuckDB compares them (for UUIDs byte order is the order of their canonical text).
 */
record BytesCompareNode(ColumnSlot column, CompareOp op, byte[] constant) implements Node {
  @Override
  public int filter(FieldVector[] vectors, int[] rows, int n) {
    FieldVector v = vectors[column.slot()];
    boolean nulls = v.getNullCount() > 0;
    ArrowBuf data = v.getDataBuffer();
    int k = 0;
    if (v instanceof BaseVariableWidthVector var) {
      ArrowBuf offsets = var.getOffsetBuffer();
      for (int i = 0; i < n; i++) {
        int row = rows[i];
        if (nulls && var.isNull(row)) {
          continue;
        }
        int start = offsets.getInt((long) row * 4);
        int end = offsets.getInt((long) row * 4 + 4);
        if (op.test(compare(data, start, end - start, constant))) {
          rows[k++] = row;
        }
      }
    } else if (v instanceof FixedSizeBinaryVector fixed) {
      int width = fixed.getByteWidth();
      for (int i = 0; i < n; i++) {
        int row = rows[i];
        if (!(nulls && fixed.isNull(row))
            && op.test(compare(data, (long) row * width, width, constant))) {
          rows[k++] = row;
        }
      }
    } else {
      throw VectorMismatch.of(column, v);
    }
    return k;
  }

  private static int compare(ArrowBuf data, long start, int length, byte[] c) {
    int common = Math.min(length, c.length);
    for (int j = 0; j < common; j++) {
      int d = (data.getByte(start + j) & 0xFF) - (c[j] & 0xFF);
      if (d != 0) {
        return d;
      }
    }
    return Integer.compare(length, c.length);
  }

  @Override
  public boolean mightMatch(StatsSource source) {
    if (column.allNull(source)) {
      return false;
    }
    ColumnStats s = column.stats(source);
    byte[] min = StatsKeys.bytesKey(s.min());
    byte[] max = StatsKeys.bytesKey(s.max());
    return switch (op) {
      case EQ ->
          (min == null || Arrays.compareUnsigned(min, constant) <= 0)
              && (max == null || Arrays.compareUnsigned(max, constant) >= 0);
      case NE ->
          min == null || max == null || !Arrays.equals(min, max) || !Arrays.equals(min, constant);
      case LT -> min == null || Arrays.compareUnsigned(min, constant) < 0;
      case LE -> min == null || Arrays.compareUnsigned(min, constant) <= 0;
      case GT -> max == null || Arrays.compareUnsigned(max, constant) > 0;
      case GE -> max == null || Arrays.compareUnsigned(max, constant) >= 0;
    };
  }

  @Override
  public String toString() {
    return column + " " + op.symbol() + " " + SqlText.string(BinaryText.formatBlob(constant));
  }
}
