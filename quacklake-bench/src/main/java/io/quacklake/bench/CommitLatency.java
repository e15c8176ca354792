package io.quacklake.bench;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Workload 6a in Quacklake: the latency of single commits into a new lake, each its own transaction
 * ({@code begin}, {@code append}, {@code commit}): one row, inlined into the catalog (below the
 * default inlining limit of 10 rows), and 10,000 rows, a Parquet file plus the commit. The batches
 * are built before timing starts and appended again each time. The warm-ups cover JIT compilation:
 * the first 10–20 commits of each kind are several times slower than the rest.
 */
final class CommitLatency {
  static final int LARGE = 10_000;
  static final int ONE_ROW_WARMUPS = 50;
  static final int ONE_ROW_SAMPLES = 200;
  static final int LARGE_WARMUPS = 20;
  static final int LARGE_SAMPLES = 50;

  private CommitLatency() {}

  /** Samples both commit sizes in a new lake at {@code catalog}, then checks what was written. */
  static Latencies measure(String catalog, Path data, int scale) {
    try (BufferAllocator allocator = new RootAllocator();
        Lake lake = Lake.create(catalog, data.toString());
        VectorSchemaRoot one = EventsData.batch(allocator, EventsData.COLUMNS, 1, 2);
        VectorSchemaRoot large = EventsData.batch(allocator, EventsData.COLUMNS, 0, LARGE)) {
      lake.createTable("one_row", EventsData.COLUMNS);
      lake.createTable("large", EventsData.COLUMNS);
      Timing small =
          Timing.of(ONE_ROW_WARMUPS, ONE_ROW_SAMPLES * scale, () -> commit(lake, "one_row", one));
      Timing big =
          Timing.of(LARGE_WARMUPS, LARGE_SAMPLES * scale, () -> commit(lake, "large", large));
      check(lake, "one_row", 0, ONE_ROW_WARMUPS + ONE_ROW_SAMPLES * scale);
      int largeCommits = LARGE_WARMUPS + LARGE_SAMPLES * scale;
      check(lake, "large", largeCommits, (long) largeCommits * LARGE);
      return new Latencies(small, big);
    }
  }

  private static void commit(Lake lake, String table, VectorSchemaRoot batch) {
    try (Transaction tx = lake.begin()) {
      tx.append(table, batch);
      tx.commit();
    }
  }

  /** Fails unless {@code table} holds {@code rows} rows in {@code files} data files. */
  private static void check(Lake lake, String table, int files, long rows) {
    int actualFiles = lake.table(table).scan().planFiles().size();
    long actualRows = lake.table(table).scan().count();
    if (actualFiles != files || actualRows != rows) {
      throw new IllegalStateException(
          String.format(
              "commit latency: table %s holds %d rows in %d files, expected %d rows in %d files",
              table, actualRows, actualFiles, rows, files));
    }
  }
}
