package io.quacklake.internal.txn;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How often and how long to wait before retrying a commit that lost a race, with DuckDB's defaults
 * and formula ({@code ducklake_max_retry_count}, {@code ducklake_retry_wait_ms}, {@code
 * ducklake_retry_backoff}). A value only: it never sleeps.
 *
 * @param maxRetries retries after the first attempt
 * @param initialWait the base wait before the first retry
 * @param backoff the factor the wait grows by per failed attempt
 */
public record RetryPolicy(int maxRetries, Duration initialWait, double backoff) {
  /** 10 retries, 100 ms, backoff 1.5: DuckDB's defaults. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(100), 1.5);

  public RetryPolicy {
    Objects.requireNonNull(initialWait, "initialWait is null");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries is negative: " + maxRetries);
    }
    if (initialWait.isNegative()) {
      throw new IllegalArgumentException("initialWait is negative: " + initialWait);
    }
    if (!(backoff > 0) || Double.isInfinite(backoff)) {
      throw new IllegalArgumentException("backoff must be positive and finite: " + backoff);
    }
  }

  /**
   * Whether the attempt with zero-based index {@code attempt} (0 is the first try) may be followed
   * by another one.
   */
  public boolean canRetry(int attempt) {
    return attempt >= 0 && attempt < maxRetries;
  }

  /**
   * The wait after the failed attempt {@code attempt} (zero-based): {@code initialWait ×
   * random(0.5..1) × backoff^attempt}, truncated to whole milliseconds as DuckDB does.
   */
  public Duration delay(int attempt, Random random) {
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt is negative: " + attempt);
    }
    double jitter = (random.nextDouble() + 1.0) / 2.0;
    double millis = initialWait.toMillis() * jitter * Math.pow(backoff, attempt);
    return Duration.ofMillis((long) millis);
  }
}
