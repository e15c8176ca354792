package io.quacklake.parquet;

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
      validity.setOne(i >>> 3, fullBytes);
      i += fullBytes << 3;
    }
    while (i < end) {
      BitVectorHelper.setBit(validity, i++);
    }
  }
}
