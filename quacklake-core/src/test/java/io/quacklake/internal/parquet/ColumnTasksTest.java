package io.quacklake.internal.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Column tasks run each column once, and return only when none runs any more: after a refused
 * submission, after an error on the caller's thread, and without waiting for a helper queued behind
 * the caller on its own pool.
 */
class ColumnTasksTest {
  private static void slowTask(AtomicBoolean returned, AtomicInteger late) {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (returned.get()) {
      late.incrementAndGet();
    }
  }

  @Test
  void everyColumnRunsOnceAcrossThreads() {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Set<Integer> seen = ConcurrentHashMap.newKeySet();
      AtomicInteger calls = new AtomicInteger();
      ColumnTasks.run(
          50,
          4,
          pool,
          c -> {
            calls.incrementAndGet();
            seen.add(c);
          });
      assertThat(calls.get()).isEqualTo(50);
      assertThat(seen).hasSize(50);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRefusedSubmissionLeavesNoTaskRunning() throws Exception {
    AtomicInteger submissions = new AtomicInteger();
    Executor firstOnlyThenReject =
        r -> {
          if (submissions.getAndIncrement() == 0) {
            new Thread(r).start();
          } else {
            throw new RejectedExecutionException("shut down");
          }
        };
    AtomicBoolean returned = new AtomicBoolean();
    AtomicInteger late = new AtomicInteger();
    AtomicInteger ran = new AtomicInteger();
    try {
      ColumnTasks.run(
          4,
          3,
          firstOnlyThenReject,
          c -> {
            ran.incrementAndGet();
            slowTask(returned, late);
          });
    } finally {
      returned.set(true);
    }
    Thread.sleep(1_000);
    assertThat(late.get()).as("column tasks still running after run returned").isZero();
    assertThat(ran.get()).isEqualTo(4);
  }

  @Test
  void anErrorOnTheCallerWaitsForTheOtherTasksAndStaysAnError() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      Thread caller = Thread.currentThread();
      AtomicBoolean returned = new AtomicBoolean();
      AtomicInteger late = new AtomicInteger();
      assertThatThrownBy(
              () -> {
                try {
                  ColumnTasks.run(
                      2,
                      2,
                      pool,
                      c -> {
                        if (Thread.currentThread() == caller) {
                          throw new StackOverflowError("boom");
                        }
                        slowTask(returned, late);
                      });
                } finally {
                  returned.set(true);
                }
              })
          .isInstanceOf(StackOverflowError.class);
      Thread.sleep(1_000);
      assertThat(late.get()).as("column tasks still running after run threw").isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCallerOnABusySingleThreadPoolDoesNotWaitForItself() throws Exception {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      AtomicInteger ran = new AtomicInteger();
      Future<?> outer =
          single.submit(() -> ColumnTasks.run(3, 2, single, c -> ran.incrementAndGet()));
      outer.get(5, TimeUnit.SECONDS);
      assertThat(ran.get()).isEqualTo(3);
    } finally {
      single.shutdownNow();
    }
  }
}
