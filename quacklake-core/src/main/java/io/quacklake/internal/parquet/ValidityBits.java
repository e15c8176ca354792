package io.quacklake.internal.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;

/** Marks runs of slots valid in an Arrow validity buffer, whole bytes at a time where it can. */
final class ValidityBits {
  private ValidityBits() {}

  /** Sets the validity bits of slots {@code [from, from + count)}. */
  static void setRange(ArrowBuf validity, int from, int count) {
    int i = from;
    int end = from + count;
    while (i < end && (i & 7) != 0) {
      BitVectorHelper.setBit(validity, i++);
    }
    int fullBytes = (end - i) >>> 3;
    if (fullBytes > 0) {
      long firstByte = i >>> 3;
      validity.setOne(firstByte, fullBytes);
      i += fullBytes << 3;
    }
    while (i < end) {
      BitVectorHelper.setBit(validity, i++);
    }
  }

  /** Sets the validity bit of slot {@code from + i} for each {@code present[i]}, i < count. */
  static void setFlags(ArrowBuf validity, int from, boolean[] present, int count) {
    int i = 0;
    while (i < count && ((from + i) & 7) != 0) {
      if (present[i]) {
        BitVectorHelper.setBit(validity, from + i);
      }
      i++;
    }
    for (; i + 8 <= count; i += 8) {
      int b = 0;
      for (int k = 0; k < 8; k++) {
        b |= present[i + k] ? 1 << k : 0;
      }
      if (b != 0) {
        validity.setByte((from + i) >>> 3, b);
      }
    }
    for (; i < count; i++) {
      if (present[i]) {
        BitVectorHelper.setBit(validity, from + i);
      }
    }
  }
}
