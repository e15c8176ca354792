package io.quacklake.txn;

import java.time.Duration;
import java.util.Random;

/**
 * How often and how patiently a commit retries after losing the race for the next snapshot id:
 * DuckDB's defaults are 10 retries, 100 ms, back-off 1.5, with a random factor in [0.5, 1).
 */
public record RetryPolicy(int maxRetries, Duration initialWait, double backoff) {
  public static RetryPolicy defaults() {
    return new RetryPolicy(10, Duration.ofMillis(100), 1.5);
  }

  /** The wait before retry number {@code attempt} (0-based). */
  public Duration delay(int attempt, Random random) {
    double factor = 0.5 + random.nextDouble() * 0.5;
    return Duration.ofMillis((long) (initialWait.toMillis() * factor * Math.pow(backoff, attempt)));
  }
}
