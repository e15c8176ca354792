package io.quacklake.internal.parquet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one task per column on up to {@code threads} threads, the caller's and an executor's, each
 * claiming the next column not yet taken (columns differ widely in cost: a string column against a
 * boolean one). Returns only when no task runs any more, whatever failed: the first failure is
 * thrown (an {@link Error} as it is) with the others suppressed. A helper the executor refuses or
 * has not started by the time the caller ran out of columns is not waited for: claiming is dynamic,
 * so it would find nothing left (this also keeps a caller running on a busy pool of the same
 * executor from waiting for itself).
 */
final class ColumnTasks {
  private ColumnTasks() {}

  static void run(int columns, int threads, Executor executor, IntConsumer task) {
    int workers = executor == null ? 1 : Math.max(1, Math.min(threads, columns));
    AtomicInteger next = new AtomicInteger();
    List<Helper> helpers = new ArrayList<>();
    for (int t = 1; t < workers; t++) {
      Helper h = new Helper(next, columns, task);
      try {
        executor.execute(h);
      } catch (RejectedExecutionException e) {
        break;
      }
      helpers.add(h);
    }
    Throwable failure = null;
    try {
      claim(next, columns, task);
    } catch (Throwable e) {
      failure = e;
    }
    for (Helper h : helpers) {
      Throwable f = h.finish();
      if (f != null && failure == null) {
        failure = f;
      } else if (f != null) {
        failure.addSuppressed(f);
      }
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  private static void claim(AtomicInteger next, int columns, IntConsumer task) {
    for (int c = next.getAndIncrement(); c < columns; c = next.getAndIncrement()) {
      task.accept(c);
    }
  }

  /** A claiming loop on the executor that the caller can call off before it starts. */
  private static final class Helper implements Runnable {
    private final AtomicInteger next;
    private final int columns;
    private final IntConsumer task;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;

    Helper(AtomicInteger next, int columns, IntConsumer task) {
      this.next = next;
      this.columns = columns;
      this.task = task;
    }

    @Override
    public void run() {
      if (!started.compareAndSet(false, true)) {
        return;
      }
      try {
        claim(next, columns, task);
      } catch (Throwable e) {
        failure = e;
      } finally {
        done.countDown();
      }
    }

    /** Calls the helper off if it has not started, else waits for it; returns its failure. */
    Throwable finish() {
      if (started.compareAndSet(false, true)) {
        return null;
      }
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return failure;
    }
  }
}
