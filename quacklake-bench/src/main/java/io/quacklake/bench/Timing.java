package io.quacklake.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated timings of one workload: median, percentiles and spread (min..max) in seconds. */
record Timing(List<Double> seconds) {
  static Timing of(int warmups, int iterations, Runnable work) {
    for (int i = 0; i < warmups; i++) {
      work.run();
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      long t = System.nanoTime();
      work.run();
      out.add((System.nanoTime() - t) / 1e9);
    }
    return new Timing(out);
  }

  /** Like {@link #of}, but each run measures itself and returns the nanoseconds that count. */
  static Timing ofMeasured(int iterations, java.util.function.LongSupplier run) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      out.add(run.getAsLong() / 1e9);
    }
    return new Timing(out);
  }

  double median() {
    List<Double> s = new ArrayList<>(seconds);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** The {@code q}-quantile (0 < q ≤ 1) by nearest rank, e.g. 0.99 for p99. */
  double percentile(double q) {
    List<Double> s = new ArrayList<>(seconds);
    Collections.sort(s);
    return s.get(Math.max(0, (int) Math.ceil(q * s.size()) - 1));
  }

  double min() {
    return Collections.min(seconds);
  }

  double max() {
    return Collections.max(seconds);
  }
}
