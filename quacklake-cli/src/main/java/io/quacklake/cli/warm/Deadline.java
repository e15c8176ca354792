package io.quacklake.cli.warm;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a connection when an exchange takes too long, unless it is settled first: exactly one of
 * the two happens, so a side that settles knows the connection stays open.
 */
final class Deadline {
  private final AtomicBoolean decided = new AtomicBoolean();
  private volatile ScheduledFuture<?> timeout;

  private Deadline() {}

  /** Closes {@code channel} after {@code seconds} unless {@link #settle} comes first. */
  static Deadline close(ScheduledExecutorService timer, SocketChannel channel, long seconds) {
    Deadline d = new Deadline();
    d.timeout =
        timer.schedule(
            () -> {
              if (d.decided.compareAndSet(false, true)) {
                try {
                  channel.close();
                } catch (IOException ignored) {
                  // closing is all there is to do
                }
              }
            },
            seconds,
            TimeUnit.SECONDS);
    return d;
  }

  /** Settles the exchange: true when the deadline had not closed the connection (and now won't). */
  boolean settle() {
    boolean won = decided.compareAndSet(false, true);
    timeout.cancel(false);
    return won;
  }
}
