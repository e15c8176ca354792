package io.quacklake.storage;

import io.quacklake.QuacklakeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proves a store enforces conditional creates: several threads race to create one fresh key with
 * different contents; exactly one must win and the stored content must be the winner's.
 */
public final class ConditionalWriteProbe {
  private static final int RACERS = 4;

  private ConditionalWriteProbe() {}

  /**
   * Runs the race under {@code scratch} (a directory location) and removes its key.
   *
   * @throws QuacklakeException UNSUPPORTED when the store lets two creates win or keeps the wrong
   *     content, UNAVAILABLE when the store cannot be reached
   */
  public static void verify(ObjectStore store, Location scratch) {
    if (!(store instanceof SupportsConditionalWrites conditional)) {
      throw QuacklakeException.unsupported(
          "the store for %s cannot create objects only if absent; the object-store catalog needs"
              + " that to commit safely",
          scratch);
    }
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
    } catch (java.util.concurrent.ExecutionException | IOException e) {
      Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      if (cause instanceof QuacklakeException q) {
        throw q;
      }
      throw new QuacklakeException(
          io.quacklake.ErrorKind.UNAVAILABLE,
          "cannot probe conditional creates at " + scratch + ": " + cause,
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuacklakeException(io.quacklake.ErrorKind.UNAVAILABLE, "probe interrupted", e);
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
