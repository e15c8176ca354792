package io.quacklake.internal.expr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Converts statistics values (canonical Java values) to keys. A value that does not convert is
 * unknown (null), which never prunes; a bound that falls between keys is widened outwards.
 */
final class StatsKeys {
  private StatsKeys() {}

  static BigInteger bigKey(Object value, KeySpace space, boolean upper) {
    if (value == null) {
      return null;
    }
    try {
      if (!(LiteralConversion.key(value, space) instanceof ExactKey k) || k.infinity() != 0) {
        return null;
      }
      return upper ? k.ceil() : k.floor();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Long longKey(Object value, KeySpace space, boolean upper) {
    BigInteger k = bigKey(value, space, upper);
    if (k == null) {
      return null;
    }
    BigInteger clamped = k.max(space.min()).min(space.max());
    return space.toLong(clamped);
  }

  static Double doubleKey(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  static byte[] bytesKey(Object value) {
    if (value instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    } else if (value instanceof byte[] b) {
      return b;
    } else if (value instanceof UUID u) {
      return LiteralConversion.uuidBytes(u);
    }
    return null;
  }
}
