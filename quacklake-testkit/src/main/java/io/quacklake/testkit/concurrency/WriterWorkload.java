package io.quacklake.testkit.concurrency;

import io.quacklake.Lake;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One writer: until its deadline, appends batches of its own ids (some small enough to inline, some
 * written as files) to {@code main.events} and deletes ranges of ids it appended, each in its own
 * transaction. Every acknowledged commit is appended to its log file (one line, flushed) before the
 * next operation. Conflicts are counted, never logged.
 */
public final class WriterWorkload {
  public static final String TABLE = "main.events";

  private final String catalog;
  private final int writer;
  private final long seed;
  private final Path log;
  private final boolean updates;
  private int conflicts;
  private String lastConflict;

  public WriterWorkload(String catalog, int writer, long seed, Path log) {
    this(catalog, writer, seed, log, false);
  }

  /**
   * @param updates also update ranges of its live ids (payload {@code u}), acknowledged as {@code
   *     U}
   */
  public WriterWorkload(String catalog, int writer, long seed, Path log, boolean updates) {
    this.catalog = catalog;
    this.writer = writer;
    this.seed = seed;
    this.log = log;
    this.updates = updates;
  }

  /** Runs until {@code deadlineMillis} (System.currentTimeMillis) or {@code maxCommits}. */
  public int run(long deadlineMillis, int maxCommits) {
    try (Lake lake = Lake.open(catalog)) {
      return run(lake, deadlineMillis, maxCommits);
    }
  }

  /** Runs on a lake shared with other writers of this process. */
  public int run(Lake lake, long deadlineMillis, int maxCommits) {
    Random random = new Random(seed);
    long nextId = writer * 100_000_000L;
    List<long[]> live = new ArrayList<>();
    int commits = 0;
    try (BufferAllocator allocator = new RootAllocator()) {
      while (System.currentTimeMillis() < deadlineMillis && commits < maxCommits) {
        try {
          if (updates && !live.isEmpty() && random.nextInt(10) == 0) {
            long[] range = live.get(random.nextInt(live.size()));
            long from = range[0] + random.nextInt((int) (range[1] - range[0] + 1));
            long to = Math.min(range[1], from + random.nextInt(20));
            Snapshot s;
            long count;
            try (Transaction tx = lake.begin()) {
              count =
                  tx.update(
                      TABLE, java.util.Map.of("payload", "u"), "id BETWEEN " + from + " AND " + to);
              s = tx.commit();
            }
            record(new Ack(s.id(), 'U', from, to, count));
          } else if (live.isEmpty() || random.nextInt(10) < 6) {
            int n = random.nextBoolean() ? 1 + random.nextInt(8) : 20 + random.nextInt(200);
            Snapshot s = append(lake, allocator, nextId, n);
            record(new Ack(s.id(), 'A', nextId, nextId + n - 1, n));
            live.add(new long[] {nextId, nextId + n - 1});
            nextId += n;
          } else {
            long[] range = live.remove(random.nextInt(live.size()));
            long from = range[0] + random.nextInt((int) (range[1] - range[0] + 1));
            long to = Math.min(range[1], from + random.nextInt(30));
            Snapshot s;
            long count;
            try (Transaction tx = lake.begin()) {
              count = tx.delete(TABLE, "id BETWEEN " + from + " AND " + to);
              s = tx.commit();
            }
            record(new Ack(s.id(), 'D', from, to, count));
            if (from > range[0]) {
              live.add(new long[] {range[0], from - 1});
            }
            if (to < range[1]) {
              live.add(new long[] {to + 1, range[1]});
            }
          }
          commits++;
        } catch (QuacklakeException e) {
          if (e.kind() != ErrorKind.CONFLICT) {
            throw e;
          }
          conflicts++;
          lastConflict = e.getMessage();
        }
      }
    }
    return commits;
  }

  public int conflicts() {
    return conflicts;
  }

  /** The message of the last conflict, or null. */
  public String lastConflict() {
    return lastConflict;
  }

  private Snapshot append(Lake lake, BufferAllocator allocator, long first, int n) {
    try (Transaction tx = lake.begin();
        BigIntVector id = new BigIntVector("id", allocator);
        IntVector w = new IntVector("writer", allocator);
        VarCharVector payload = new VarCharVector("payload", allocator)) {
      id.allocateNew(n);
      w.allocateNew(n);
      payload.allocateNew(n);
      for (int i = 0; i < n; i++) {
        id.set(i, first + i);
        w.set(i, writer);
        payload.setSafe(i, ("p" + (first + i)).getBytes(StandardCharsets.UTF_8));
      }
      id.setValueCount(n);
      w.setValueCount(n);
      payload.setValueCount(n);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, w, payload));
      root.setRowCount(n);
      tx.append(TABLE, root);
      return tx.commit();
    }
  }

  private void record(Ack ack) {
    try {
      Files.writeString(
          log,
          ack.line() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code WriterWorkload CATALOG WRITER SEED LOG SECONDS MAX_COMMITS [START_AT]}: one writer
   * process. With {@code START_AT} (epoch milliseconds) it opens the lake, waits until then and
   * runs for {@code SECONDS} from there, so that JVM start-up is not counted.
   */
  public static void main(String[] args) throws InterruptedException {
    WriterWorkload w =
        new WriterWorkload(
            args[0],
            Integer.parseInt(args[1]),
            Long.parseLong(args[2]),
            Path.of(args[3]),
            Boolean.getBoolean("quacklake.workload.updates"));
    long seconds = Long.parseLong(args[4]);
    int max = Integer.parseInt(args[5]);
    if (args.length < 7) {
      long deadline = System.currentTimeMillis() + seconds * 1000;
      System.out.println(w.run(deadline, max) + " " + w.conflicts());
      return;
    }
    long startAt = Long.parseLong(args[6]);
    try (Lake lake = Lake.open(args[0])) {
      lake.snapshots();
      Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
      System.out.println(w.run(lake, startAt + seconds * 1000, max) + " " + w.conflicts());
      if (w.lastConflict() != null) {
        System.err.println("last conflict: " + w.lastConflict());
      }
    }
  }
}
