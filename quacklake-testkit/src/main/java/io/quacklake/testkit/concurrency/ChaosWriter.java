package io.quacklake.testkit.concurrency;

import io.quacklake.Lake;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.storage.ObjectStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One writer process against a lake whose store misbehaves: appends and deletes its own ids, each
 * commit named by a unique message. Conflicts (including "gave up retrying") and failures ({@code
 * UNAVAILABLE}: nothing was committed) are counted; a commit whose outcome is unknown is looked up
 * by its message once the writer stops, and logged as acknowledged if it landed, or as {@code X} if
 * it did not (its files may remain unreferenced).
 */
public final class ChaosWriter {
  private final String catalog;
  private final int writer;
  private final Path log;
  private final Random random;
  private final List<Pending> unknown = new ArrayList<>();
  private int conflicts;
  private int failures;

  private record Pending(String message, char kind, long first, long last, long count) {}

  public ChaosWriter(String catalog, int writer, long seed, Path log) {
    this.catalog = catalog;
    this.writer = writer;
    this.log = log;
    this.random = new Random(seed);
  }

  /** Runs until the deadline; returns the number of acknowledged commits. */
  public int run(long deadlineMillis) {
    long nextId = writer * 100_000_000L;
    List<long[]> live = new ArrayList<>();
    int commits = 0;
    int seq = 0;
    try (Lake lake = openWithRetry(deadlineMillis + 60_000)) {
      while (System.currentTimeMillis() < deadlineMillis) {
        String message = "w" + writer + "-" + seq++;
        boolean append = live.isEmpty() || random.nextInt(10) < 6;
        long first;
        long last;
        long count;
        long[] range = null;
        if (append) {
          first = nextId;
          count = random.nextBoolean() ? 1 + random.nextInt(8) : 20 + random.nextInt(200);
          last = first + count - 1;
          nextId += count;
        } else {
          range = live.remove(random.nextInt(live.size()));
          first = range[0] + random.nextInt((int) (range[1] - range[0] + 1));
          last = Math.min(range[1], first + random.nextInt(30));
          count = -1;
        }
        try (Transaction tx = lake.begin()) {
          tx.commitMessage("writer-" + writer, message, null);
          if (append) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (long id = first; id <= last; id++) {
              rows.add(Map.of("id", id, "writer", writer, "payload", "p" + id));
            }
            tx.insert(WriterWorkload.TABLE, rows);
          } else {
            count = tx.delete(WriterWorkload.TABLE, "id BETWEEN " + first + " AND " + last);
          }
          Snapshot s = tx.commit();
          record(new Ack(s.id(), append ? 'A' : 'D', first, last, count).line());
          commits++;
          if (append) {
            live.add(new long[] {first, last});
          } else {
            split(live, range, first, last);
          }
        } catch (QuacklakeException e) {
          switch (e.kind()) {
            case CONFLICT, UNAVAILABLE -> {
              if (e.kind() == ErrorKind.CONFLICT) {
                conflicts++;
              } else {
                failures++;
              }
              if (append) {
                continue;
              }
              live.add(range);
            }
            case COMMIT_STATE_UNKNOWN -> {
              unknown.add(new Pending(message, append ? 'A' : 'D', first, last, count));
              if (!append) {
                split(live, range, first, last);
              }
            }
            default -> throw e;
          }
        }
      }
    }
    resolveUnknown(deadlineMillis + 120_000);
    return commits;
  }

  private static void split(List<long[]> live, long[] range, long first, long last) {
    if (first > range[0]) {
      live.add(new long[] {range[0], first - 1});
    }
    if (last < range[1]) {
      live.add(new long[] {last + 1, range[1]});
    }
  }

  private void resolveUnknown(long until) {
    if (unknown.isEmpty()) {
      return;
    }
    try (Lake lake = openWithRetry(until)) {
      Map<String, Long> byMessage = new HashMap<>();
      for (Snapshot s : lake.snapshots()) {
        if (s.commitMessage() != null) {
          byMessage.put(s.commitMessage(), s.id());
        }
      }
      for (Pending p : unknown) {
        Long snapshot = byMessage.get(p.message());
        record(
            snapshot == null
                ? "X " + p.message()
                : new Ack(snapshot, p.kind(), p.first(), p.last(), p.count()).line());
      }
    }
  }

  private Lake openWithRetry(long until) {
    while (true) {
      try {
        return Lake.open(catalog);
      } catch (QuacklakeException e) {
        if (e.kind() != ErrorKind.UNAVAILABLE || System.currentTimeMillis() > until) {
          throw e;
        }
      }
    }
  }

  private void record(String line) {
    try {
      Files.writeString(
          log,
          line + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code ChaosWriter CATALOG WRITER SEED LOG SECONDS FAULT_RATE}: one writer process; a positive
   * fault rate wraps every store of the process in a {@link FaultInjectingStore}.
   */
  public static void main(String[] args) {
    long seed = Long.parseLong(args[2]);
    double rate = Double.parseDouble(args[5]);
    if (rate > 0) {
      ObjectStores.decorate(store -> new FaultInjectingStore(store, seed, rate));
    }
    ChaosWriter w = new ChaosWriter(args[0], Integer.parseInt(args[1]), seed, Path.of(args[3]));
    int commits = w.run(System.currentTimeMillis() + Long.parseLong(args[4]) * 1000);
    System.out.println(
        commits
            + " commits, "
            + w.conflicts
            + " conflicts, "
            + w.failures
            + " failed, "
            + w.unknown.size()
            + " unknown");
  }
}
