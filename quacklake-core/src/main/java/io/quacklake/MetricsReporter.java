package io.quacklake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a report per scan and per commit ({@link LakeOptions#withMetricsReporter}), as Iceberg's
 * {@code MetricsReporter} does. Called on the thread that closed the scan or committed;
 * implementations must be quick and must not throw.
 */
public interface MetricsReporter {
  /** A scan's reader closed. */
  default void scan(ScanReport report) {}

  /** A commit ended (made a snapshot, or failed). */
  default void commit(CommitReport report) {}

  /** The default reporter: one line per report at debug on logger {@code io.quacklake.metrics}. */
  static MetricsReporter logging() {
    Logger log = LoggerFactory.getLogger("io.quacklake.metrics");
    return new MetricsReporter() {
      @Override
      public void scan(ScanReport r) {
        log.debug("{}", r);
      }

      @Override
      public void commit(CommitReport r) {
        log.debug("{}", r);
      }
    };
  }
}
