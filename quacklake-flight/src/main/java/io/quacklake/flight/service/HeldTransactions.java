package io.quacklake.flight.service;

import io.quacklake.Lake;
import io.quacklake.Snapshot;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Transactions a client began with the {@code begin} action and uses over several calls until
 * {@code commit} or {@code rollback}. A transaction is used by one call at a time; a call that
 * fails inside it rolls it back (what it had done is unknown to the client).
 */
public final class HeldTransactions {
  private static final class Held {
    final Transaction transaction;
    final ReentrantLock lock = new ReentrantLock();
    volatile long lastUsed = System.nanoTime();

    Held(Transaction transaction) {
      this.transaction = transaction;
    }

    Transaction transaction() {
      return transaction;
    }

    ReentrantLock lock() {
      return lock;
    }
  }

  private final Map<String, Held> open = new ConcurrentHashMap<>();

  /** Begins a transaction and returns its id. */
  public String begin(Lake lake) {
    String id = UUID.randomUUID().toString();
    open.put(id, new Held(lake.begin()));
    return id;
  }

  /** The base snapshot of a held transaction. */
  public long baseSnapshot(String id) {
    return use(id, Transaction::baseSnapshotId);
  }

  /**
   * Runs {@code work} in the held transaction, alone; a failure rolls the transaction back.
   *
   * @throws QuacklakeException NOT_FOUND for an id that is not open
   */
  public <T> T use(String id, Function<Transaction, T> work) {
    return run(id, work, true);
  }

  /**
   * Runs a read ({@code work} changes nothing) in the held transaction, alone; a failure leaves the
   * transaction as it was (a mistyped table name in a scan must not discard its writes).
   */
  public <T> T read(String id, Function<Transaction, T> work) {
    return run(id, work, false);
  }

  private <T> T run(String id, Function<Transaction, T> work, boolean rollBackOnFailure) {
    Held held = held(id);
    held.lock().lock();
    try {
      if (!open.containsKey(id)) {
        throw ended(id);
      }
      held.lastUsed = System.nanoTime();
      try {
        return work.apply(held.transaction());
      } catch (RuntimeException | Error e) {
        if (rollBackOnFailure && open.remove(id, held)) {
          held.transaction().rollback();
        }
        throw e;
      }
    } finally {
      held.lock().unlock();
    }
  }

  /** Commits a held transaction and forgets it. */
  public Snapshot commit(String id) {
    Held held = held(id);
    held.lock().lock();
    try {
      if (open.remove(id) == null) {
        throw ended(id);
      }
      try (Transaction tx = held.transaction()) {
        return tx.commit();
      }
    } finally {
      held.lock().unlock();
    }
  }

  /** Rolls a held transaction back and forgets it. */
  public void rollback(String id) {
    Held held = held(id);
    held.lock().lock();
    try {
      if (open.remove(id) == null) {
        throw ended(id);
      }
      held.transaction().rollback();
    } finally {
      held.lock().unlock();
    }
  }

  /**
   * Rolls back the transactions no call has used for {@code idle} (a client that crashed or forgot
   * them), skipping any a call is using now; returns how many it rolled back.
   */
  public int expireIdle(java.time.Duration idle) {
    int n = 0;
    long now = System.nanoTime();
    for (Map.Entry<String, Held> e : List.copyOf(open.entrySet())) {
      Held held = e.getValue();
      if (now - held.lastUsed >= idle.toNanos() && held.lock().tryLock()) {
        try {
          if (open.remove(e.getKey(), held)) {
            held.transaction().rollback();
            n++;
          }
        } finally {
          held.lock().unlock();
        }
      }
    }
    return n;
  }

  /** Rolls back every open transaction (server shutdown); returns how many there were. */
  public int rollbackAll() {
    List<String> ids = List.copyOf(open.keySet());
    int n = 0;
    for (String id : ids) {
      Held held = open.remove(id);
      if (held != null) {
        held.lock().lock();
        try {
          held.transaction().rollback();
          n++;
        } finally {
          held.lock().unlock();
        }
      }
    }
    return n;
  }

  private Held held(String id) {
    Held held = id == null ? null : open.get(id);
    if (held == null) {
      throw ended(id);
    }
    return held;
  }

  private static QuacklakeException ended(String id) {
    return QuacklakeException.notFound(
        "transaction %s is not open on this server (committed, rolled back, failed, or the server"
            + " restarted); begin a new one",
        id);
  }
}
