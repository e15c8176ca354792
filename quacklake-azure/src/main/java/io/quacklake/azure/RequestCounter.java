package io.quacklake.azure;

import java.util.concurrent.atomic.AtomicLong;

/** Counts requests by kind, for tests and benchmarks that keep a scan's request count minimal. */
public final class RequestCounter {
  private final AtomicLong gets = new AtomicLong();
  private final AtomicLong puts = new AtomicLong();
  private final AtomicLong other = new AtomicLong();

  void countGet() {
    gets.incrementAndGet();
  }

  void countPut() {
    puts.incrementAndGet();
  }

  void countOther() {
    other.incrementAndGet();
  }

  /** GET requests (whole or ranged reads). */
  public long gets() {
    return gets.get();
  }

  /** PUT requests (blobs, blocks, conditional creates). */
  public long puts() {
    return puts.get();
  }

  /** Properties, listings, deletes and block-list commits. */
  public long other() {
    return other.get();
  }
}
