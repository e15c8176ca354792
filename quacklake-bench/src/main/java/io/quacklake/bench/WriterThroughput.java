package io.quacklake.bench;

import io.quacklake.Lake;
import io.quacklake.ScanReader;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Workload 6b: commits per second with N writer threads, each with its own {@link Lake} on the same
 * catalog, each committing appends of {@value #ROWS_PER_COMMIT} rows (inlined) into one table for a
 * fixed time. Afterwards the table must hold exactly acknowledged commits × rows per commit.
 */
final class WriterThroughput {
  static final int ROWS_PER_COMMIT = 10;
  private static final String TABLE = "events";

  private WriterThroughput() {}

  /**
   * One run's outcome.
   *
   * @param writers writer threads
   * @param commits acknowledged commits
   * @param failed commits that threw after the lake's retries
   * @param unknown commits that threw COMMIT_STATE_UNKNOWN (may or may not have landed)
   * @param seconds from the writers' common start until the last one finished
   * @param firstFailure the first failure's message, or null
   */
  record Point(
      int writers, long commits, long failed, long unknown, double seconds, String firstFailure) {
    double perSecond() {
      return commits / seconds;
    }
  }

  private record Counts(long commits, long failed, long unknown, String firstFailure) {}

  /** Runs {@code writers} writers for {@code duration} on a new lake at {@code catalog}. */
  static Point run(String catalog, Path data, int writers, Duration duration) throws Exception {
    try (Lake lake = Lake.create(catalog, data.toString())) {
      lake.createTable(TABLE, EventsData.COLUMNS);
    }
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch ready = new CountDownLatch(writers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Counts>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        long firstId = w * 1_000_000_000L;
        futures.add(pool.submit(() -> write(catalog, firstId, duration, ready, go)));
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      long commits = 0;
      long failed = 0;
      long unknown = 0;
      String firstFailure = null;
      for (Future<Counts> f : futures) {
        Counts c = f.get();
        commits += c.commits();
        failed += c.failed();
        unknown += c.unknown();
        firstFailure = firstFailure != null ? firstFailure : c.firstFailure();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      verify(catalog, writers, commits, unknown);
      return new Point(writers, commits, failed, unknown, seconds, firstFailure);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Counts write(
      String catalog, long firstId, Duration duration, CountDownLatch ready, CountDownLatch go)
      throws InterruptedException {
    long commits = 0;
    long failed = 0;
    long unknown = 0;
    String firstFailure = null;
    try (Lake lake = Lake.open(catalog);
        BufferAllocator allocator = new RootAllocator()) {
      ready.countDown();
      go.await();
      long deadline = System.nanoTime() + duration.toNanos();
      long id = firstId;
      while (System.nanoTime() < deadline) {
        try (VectorSchemaRoot batch =
                EventsData.batch(allocator, EventsData.COLUMNS, id, id + ROWS_PER_COMMIT);
            Transaction tx = lake.begin()) {
          tx.append(TABLE, batch);
          tx.commit();
          commits++;
        } catch (QuacklakeException e) {
          if (e.kind() == ErrorKind.COMMIT_STATE_UNKNOWN) {
            unknown++;
          } else {
            failed++;
          }
          firstFailure = firstFailure != null ? firstFailure : e.kind() + ": " + e.getMessage();
        }
        id += ROWS_PER_COMMIT;
      }
    }
    return new Counts(commits, failed, unknown, firstFailure);
  }

  /** Fails when an acknowledged commit is missing or rows appeared that no commit wrote. */
  private static void verify(String catalog, int writers, long commits, long unknown)
      throws IOException {
    long rows = 0;
    try (Lake lake = Lake.open(catalog);
        ScanReader r = lake.table(TABLE).scan().select("id").arrow()) {
      while (r.loadNextBatch()) {
        rows += r.getVectorSchemaRoot().getRowCount();
      }
    }
    long min = commits * ROWS_PER_COMMIT;
    long max = (commits + unknown) * ROWS_PER_COMMIT;
    if (rows < min || rows > max) {
      throw new IllegalStateException(
          String.format(
              "%d writers on %s: table holds %d rows, but %d acknowledged commits (+%d unknown)"
                  + " of %d rows need %d..%d",
              writers, catalog, rows, commits, unknown, ROWS_PER_COMMIT, min, max));
    }
  }
}
