package io.quacklake.internal.catalog;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (RFC 9562 version 7), as DuckLake uses for object uuids and file names. */
public final class UuidV7 {
  private static final SecureRandom RANDOM = new SecureRandom();

  private UuidV7() {}

  public static UUID next() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
