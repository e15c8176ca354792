package io.quacklake.internal.storage;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.CreateOutcome;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.SeekableStream;
import io.quacklake.storage.SupportsConditionalWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proves a store enforces conditional creates: several threads race to create one fresh key with
 * different contents; exactly one must win and the stored content must be the winner's.
 */
public final class ConditionalWriteProbe {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ConditionalWriteProbe.class);
  private static final int RACERS = 4;

  /** Stores proven in this process, by store type and probe location. */
  private static final Set<String> PROVEN = ConcurrentHashMap.newKeySet();

  private ConditionalWriteProbe() {}

  /**
   * Refuses a store that cannot create objects only if absent, without writing anything.
   *
   * @throws QuacklakeException UNSUPPORTED when it cannot
   */
  public static SupportsConditionalWrites requireSupport(ObjectStore store, Location scratch) {
    if (!(store instanceof SupportsConditionalWrites conditional)) {
      throw QuacklakeException.unsupported(
          "the store for %s cannot create objects only if absent; the object-store catalog needs"
              + " that to commit safely",
          scratch);
    }
    return conditional;
  }

  /**
   * {@link #verify}, once per process for a store type and location: the first write of a process
   * pays for the race, reading never does.
   */
  public static void verifyOnce(ObjectStore store, Location scratch) {
    if (!PROVEN.contains(key(store, scratch))) {
      verify(store, scratch);
    }
  }

  private static String key(ObjectStore store, Location scratch) {
    return store.getClass().getName() + " " + scratch.value();
  }

  /**
   * Runs the race under {@code scratch} (a directory location) and removes its key. It writes to
   * the store, so it runs when a lake is created and before a process first commits, never when a
   * lake is only read.
   *
   * @throws QuacklakeException UNSUPPORTED when the store lets two creates win or keeps the wrong
   *     content, UNAVAILABLE when the store cannot be reached
   */
  public static void verify(ObjectStore store, Location scratch) {
    LOG.info(
        "checking that {} creates an object only if absent ({} racers under {})",
        store.getClass().getSimpleName(),
        RACERS,
        scratch);
    SupportsConditionalWrites conditional = requireSupport(store, scratch);
    Location key = scratch.resolve("probe-" + UUID.randomUUID());
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<CreateOutcome>> racers = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        byte[] content = ("racer " + i).getBytes(StandardCharsets.UTF_8);
        racers.add(
            pool.submit(
                () -> {
                  start.await();
                  return conditional.createIfAbsent(key, content);
                }));
      }
      start.countDown();
      int winner = -1;
      int wins = 0;
      for (int i = 0; i < RACERS; i++) {
        if (racers.get(i).get() == CreateOutcome.CREATED) {
          wins++;
          winner = i;
        }
      }
      byte[] stored;
      try (SeekableStream in = store.newInputFile(key, -1).newStream()) {
        stored = in.readAllBytes();
      }
      if (wins != 1
          || !Arrays.equals(stored, ("racer " + winner).getBytes(StandardCharsets.UTF_8))) {
        throw QuacklakeException.unsupported(
            "the store for %s does not enforce conditional creates (%d of %d racing creates of one"
                + " key succeeded); use a store that supports If-None-Match: * (AWS S3, MinIO,"
                + " R2, or a local disk)",
            scratch, wins, RACERS);
      }
      PROVEN.add(key(store, scratch));
    } catch (java.util.concurrent.ExecutionException | IOException e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      if (cause instanceof QuacklakeException q) {
        throw q;
      }
      throw new QuacklakeException(
          io.quacklake.exceptions.ErrorKind.UNAVAILABLE,
          "cannot probe conditional creates at " + scratch + ": " + cause,
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuacklakeException(
          io.quacklake.exceptions.ErrorKind.UNAVAILABLE, "probe interrupted", e);
    } finally {
      pool.shutdownNow();
      try {
        store.delete(key);
      } catch (IOException ignored) {
        // a leftover probe key is harmless
      }
    }
  }
}
