package io.quacklake.internal.txn;

import io.quacklake.types.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How many bytes of values rows hold, as counted against {@code LakeOptions.inlineByteLimit}: text
 * as UTF-8, blobs by length, nested values by their parts, other values by their fixed width.
 */
final class InlinedBytes {
  private InlinedBytes() {}

  static long of(List<Object[]> rows) {
    long total = 0;
    for (Object[] row : rows) {
      for (Object value : row) {
        total += of(value);
      }
    }
    return total;
  }

  private static long of(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof String s) {
      return utf8Length(s);
    }
    if (value instanceof byte[] b) {
      return b.length;
    }
    if (value instanceof List<?> list) {
      long n = 0;
      for (Object element : list) {
        n += of(element);
      }
      return n;
    }
    if (value instanceof Map<?, ?> map) {
      long n = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        n += of(e.getKey()) + of(e.getValue());
      }
      return n;
    }
    if (value instanceof BigDecimal || value instanceof BigInteger) {
      return 16;
    }
    if (value instanceof Interval || value instanceof UUID) {
      return 16;
    }
    return 8;
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }
}
