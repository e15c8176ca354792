package io.quacklake.bench;

import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Workload 7, memory: peak JVM heap and peak Arrow (direct) memory while streaming a whole-table
 * scan, at the run's row count and after appending the table three more times (4×), to show that a
 * scan's memory follows batch size and read threads, not table size.
 */
final class MemoryBench {
  private static final int GROWTH = 4;

  private MemoryBench() {}

  /**
   * One table size's peaks.
   *
   * @param rows rows in the table
   * @param time the scans' durations
   * @param heapBytes the heap pools' summed peak over the timed scans, after a GC and a reset
   * @param liveHeapBytes the largest heap in use after a GC during the timed scans
   * @param directBytes the largest peak of a scan's own Arrow allocator
   */
  private record Peak(
      long rows, Timing time, long heapBytes, long liveHeapBytes, long directBytes) {}

  static Section run(Path dir, long rows, int scale, int iterations) {
    Path lakeDir = dir.resolve("memory");
    String catalog = "sqlite:" + lakeDir.resolve("catalog.sqlite");
    List<Peak> peaks = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      try (Lake lake = Lake.create(catalog, lakeDir.resolve("data").toString())) {
        lake.setOption("target_file_size", Long.toString(32L << 20));
        lake.createTable("events", EventsData.COLUMNS);
      }
      append(catalog, allocator, 0, rows);
      peaks.add(measure(catalog, rows, iterations));
      append(catalog, allocator, rows, GROWTH * rows);
      peaks.add(measure(catalog, GROWTH * rows, iterations));
    }
    return section(peaks, scale);
  }

  private static void append(String catalog, BufferAllocator allocator, long from, long to) {
    try (Lake lake = Lake.open(catalog);
        Transaction tx = lake.begin()) {
      EventsData.append(tx, "events", allocator, from, to);
      tx.commit();
    }
  }

  private static Peak measure(String catalog, long rows, int iterations) {
    try (Lake lake = Workloads.open(catalog)) {
      scan(lake, rows);
      long[] direct = new long[1];
      System.gc();
      HeapPeak.reset();
      try (LiveHeap live = new LiveHeap()) {
        Timing time =
            Timing.of(0, iterations, () -> direct[0] = Math.max(direct[0], scan(lake, rows)));
        return new Peak(rows, time, HeapPeak.bytes(), live.bytes(), direct[0]);
      }
    }
  }

  /**
   * Streams every row and column; returns the peak of the scan's Arrow allocator (the one its
   * batches are allocated from, a child of the lake's allocator made for this scan).
   */
  private static long scan(Lake lake, long rows) {
    long n = 0;
    BufferAllocator scanAllocator = null;
    try (ScanReader r = lake.table("events").scan().arrow()) {
      while (r.loadNextBatch()) {
        n += r.getVectorSchemaRoot().getRowCount();
        scanAllocator = r.getVectorSchemaRoot().getFieldVectors().get(0).getAllocator();
      }
      if (n != rows) {
        throw new IllegalStateException("memory: scan returned " + n + " rows, expected " + rows);
      }
      return scanAllocator.getPeakMemoryAllocation();
    }
  }

  private static Section section(List<Peak> peaks, int scale) {
    StringBuilder table =
        new StringBuilder(
            "## Memory while scanning\n\n"
                + "| rows | scan s (median) | peak heap MiB | peak live heap MiB |"
                + " peak Arrow direct MiB |\n"
                + "|---|---|---|---|---|\n");
    List<Result> results = new ArrayList<>();
    for (Peak p : peaks) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %,d | %.3f | %d | %d | %d |%n",
              p.rows(),
              p.time().median(),
              p.heapBytes() >> 20,
              p.liveHeapBytes() >> 20,
              p.directBytes() >> 20));
      results.add(
          new Result(
              "memory, full scan, " + (p == peaks.get(0) ? "1×" : GROWTH + "×") + " table",
              scale,
              p.time(),
              null,
              p.rows(),
              p.heapBytes() + p.directBytes()));
    }
    table.append(
        "\nA full scan (all 8 columns, batches of "
            + String.format(Locale.ROOT, "%,d", Workloads.BATCH)
            + " rows, read threads = cores) of the events table, streamed batch by batch; then the"
            + " same table after appending it "
            + (GROWTH - 1)
            + " more times. Peak heap: the JVM heap pools' summed peak over the timed scans after"
            + " a `System.gc()` and a peak reset; it includes garbage not yet collected, so it"
            + " follows how far the collector lets the young generation grow, not what the scan"
            + " keeps. Peak live heap: the largest heap in use right after a collection during"
            + " the timed scans (GC notifications). Peak Arrow direct: the peak of the scan's own"
            + " child allocator, which holds the batches in flight and the decoded column"
            + " buffers."
            + " bench-results.json: peak_memory_bytes = heap + direct.\n");
    return new Section(table.toString(), results);
  }
}
