package io.quacklake.internal.lake;

import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/** Delivery of scan and commit reports to the lake's {@link io.quacklake.MetricsReporter}. */
public final class Reports {
  private Reports() {}

  /**
   * Hands {@code report} to a reporter method, logging instead of throwing what it throws: a report
   * must never turn a committed snapshot into an error, or hide the error it reports.
   */
  public static <R> void deliver(Consumer<R> method, R report) {
    try {
      method.accept(report);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger("io.quacklake.metrics")
          .warn("the metrics reporter failed on {}: {}", report, e.toString());
    }
  }
}
