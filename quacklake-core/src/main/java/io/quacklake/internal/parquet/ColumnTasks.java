package io.quacklake.internal.parquet;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one task per column on up to {@code threads} threads, the caller's and an executor's, each
 * claiming the next column not yet taken (columns differ widely in cost: a string column against a
 * boolean one). Returns when all are done; the first failure is thrown with the others suppressed.
 */
final class ColumnTasks {
  private ColumnTasks() {}

  static void run(int columns, int threads, Executor executor, IntConsumer task) {
    int workers = executor == null ? 1 : Math.max(1, Math.min(threads, columns));
    if (workers == 1) {
      for (int c = 0; c < columns; c++) {
        task.accept(c);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    CompletableFuture<?>[] others = new CompletableFuture<?>[workers - 1];
    for (int t = 1; t < workers; t++) {
      others[t - 1] = CompletableFuture.runAsync(() -> claim(next, columns, task), executor);
    }
    RuntimeException failure = null;
    try {
      claim(next, columns, task);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (CompletableFuture<?> f : others) {
      try {
        f.join();
      } catch (CompletionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r
                ? r
                : new IllegalStateException(e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void claim(AtomicInteger next, int columns, IntConsumer task) {
    for (int c = next.getAndIncrement(); c < columns; c = next.getAndIncrement()) {
      task.accept(c);
    }
  }
}
