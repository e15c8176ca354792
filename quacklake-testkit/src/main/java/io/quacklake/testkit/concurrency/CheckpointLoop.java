package io.quacklake.testkit.concurrency;

import io.quacklake.Lake;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;

/**
 * Runs {@code checkpoint} on a lake in a loop until a deadline, next to writers: conflicts with
 * their commits are counted, anything else fails the process.
 */
public final class CheckpointLoop {
  private int checkpoints;
  private int conflicts;
  private long flushed;
  private long merged;
  private long rewritten;
  private long expired;
  private long deleted;

  /** Runs until {@code deadlineMillis}; returns the number of checkpoints that finished. */
  public int run(Lake lake, long deadlineMillis) {
    return run(lake, deadlineMillis, null);
  }

  /** As {@link #run(Lake, long)}, printing the summary to {@code progress} after each step. */
  public int run(Lake lake, long deadlineMillis, java.io.PrintStream progress) {
    while (System.currentTimeMillis() < deadlineMillis) {
      try {
        io.quacklake.CheckpointResult r = lake.maintenance().checkpoint();
        checkpoints++;
        flushed += r.flush().rows();
        merged += r.merge().filesProcessed();
        rewritten += r.rewrite().filesProcessed();
        expired += r.expired().size();
        deleted += r.cleanedUp().size() + r.orphans().size();
        if (progress != null) {
          progress.println(summary());
          progress.flush();
        }
      } catch (QuacklakeException e) {
        if (e.kind() != ErrorKind.CONFLICT) {
          throw e;
        }
        conflicts++;
      }
    }
    return checkpoints;
  }

  public int conflicts() {
    return conflicts;
  }

  /** What the loop did, e.g. {@code checkpoints 12 conflicts 1 flushed 40 merged 9 ...}. */
  public String summary() {
    return "checkpoints "
        + checkpoints
        + " conflicts "
        + conflicts
        + " flushed "
        + flushed
        + " merged "
        + merged
        + " rewritten "
        + rewritten
        + " expired "
        + expired
        + " deleted "
        + deleted;
  }

  /**
   * {@code CheckpointLoop CATALOG SECONDS}: prints its {@link #summary()} after every checkpoint
   * (so a killed loop has reported what it did) and at the end.
   */
  public static void main(String[] args) {
    CheckpointLoop loop = new CheckpointLoop();
    try (Lake lake = Lake.open(args[0])) {
      long deadline = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000;
      loop.run(lake, deadline, System.out);
    }
    System.out.println(loop.summary());
  }
}
