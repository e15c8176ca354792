package io.quacklake.internal.txn;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogConnection;
import io.quacklake.internal.catalog.CatalogContention;
import io.quacklake.internal.catalog.CatalogSession;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.catalog.SnapshotWrites;
import java.time.Duration;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit protocol (decision 0005): in one catalog transaction read the latest snapshot, check
 * the changes committed since the transaction's base against the conflict rules, allocate ids from
 * the latest counters and write every row with the snapshot {@code latest + 1}. Losing the race for
 * the snapshot id (duplicate key) or lock contention is retried with back-off and jitter; a
 * conflict is not.
 */
public final class Committer {
  private static final Logger LOG = LoggerFactory.getLogger(Committer.class);

  private final CatalogConnection catalog;
  private final RetryPolicy retry;
  private final Random random = new Random();
  private int attempts;

  public Committer(CatalogConnection catalog, RetryPolicy retry) {
    this.catalog = catalog;
    this.retry = retry;
  }

  /**
   * Commits the state as one snapshot.
   *
   * @throws QuacklakeException CONFLICT when a concurrent commit conflicts or the retry limit is
   *     reached (nothing was written), UNAVAILABLE when the catalog fails
   */
  public SnapshotRecord commit(TransactionState state, CommitIo io) {
    prepareTables(state);
    long started = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      attempts = attempt + 1;
      int filesBefore = state.writtenFiles().size();
      LOG.debug(
          "commit attempt {} to {} on base snapshot {}",
          attempt + 1,
          catalog.location(),
          state.base().snapshotId());
      CommitExecutor[] applied = new CommitExecutor[1];
      try {
        SnapshotRecord committed =
            catalog.writeContended(
                "commit to catalog " + catalog.location(),
                c -> {
                  requireFreshFiles(state, io);
                  SnapshotRecord latest = SnapshotWrites.latest(c);
                  CommitExecutor executor = new CommitExecutor(c, state, latest, io);
                  applied[0] = executor;
                  boolean moved = latest.snapshotId() != state.base().snapshotId();
                  if (moved) {
                    c.markSavepoint();
                  }
                  try {
                    executor.apply();
                  } catch (RuntimeException e) {
                    if (moved && !c.isContention(e)) {
                      reportConflictInstead(c, state);
                    }
                    throw e;
                  }
                  if (moved) {
                    ConflictCheck.check(c, state.base().snapshotId(), executor.summary());
                  }
                  return executor.finish();
                });
        createDeferredTables(applied[0].summary(), committed.snapshotId());
        LOG.debug(
            "committed snapshot {} to {} in {} attempt(s), {} ms",
            committed.snapshotId(),
            catalog.location(),
            attempt + 1,
            (System.nanoTime() - started) / 1_000_000);
        return committed;
      } catch (QuacklakeException e) {
        if (e.kind() == ErrorKind.CONFLICT) {
          LOG.info(
              "commit to {} on base snapshot {} conflicts: {}",
              catalog.location(),
              state.base().snapshotId(),
              e.getMessage());
        }
        throw e;
      } catch (CatalogContention e) {
        removeAttemptFiles(state, io, filesBefore);
        if (!retry.canRetry(attempt)) {
          throw new QuacklakeException(
              ErrorKind.CONFLICT,
              "commit gave up after "
                  + (attempt + 1)
                  + " attempts because other writers kept committing first; raise the retry"
                  + " limit (LakeOptions.withMaxRetries, now "
                  + retry.maxRetries()
                  + ") or retry the transaction",
              e.getCause());
        }
        Duration delay = retry.delay(attempt, random);
        LOG.info(
            "commit to {} lost the race for the next snapshot (attempt {} of {}: {}); retrying in"
                + " {} ms",
            catalog.location(),
            attempt + 1,
            retry.maxRetries() + 1,
            e.getCause() == null ? e.getMessage() : e.getCause().getMessage(),
            delay.toMillis());
        sleep(delay);
      }
    }
  }

  /** How many catalog transactions the last {@link #commit} tried. */
  public int attempts() {
    return attempts;
  }

  /**
   * After a commit on a catalog where DDL commits the open transaction (MySQL, MariaDB), creates
   * the inlined-data tables of the schema versions it made, each in its own transaction. Until one
   * exists, inserts into that version go to Parquet files; a failure here leaves the committed
   * snapshot as it is, so it is not reported.
   */
  private void createDeferredTables(CommitSummary summary, long snapshot) {
    for (long[] t : summary.deferredInlinedTables) {
      try {
        catalog.write(
            "creating the inlined-data table of table " + t[0],
            c -> {
              io.quacklake.internal.catalog.InlinedWrites.createAfterCommit(
                  c, t[0], t[1], snapshot);
              return null;
            });
      } catch (RuntimeException e) {
        // the snapshot is committed; the table's small inserts are written as files until a
        // later write creates the inlined-data table again
        LOG.warn(
            "snapshot {} is committed, but creating the inlined-data table of table {} failed"
                + " (small inserts go to Parquet until a later write creates it): {}",
            snapshot,
            t[0],
            e.getMessage());
      }
    }
  }

  /**
   * On catalogs where DDL commits the open transaction (MySQL, MariaDB), creates the inlined-delete
   * tables the commit may write to in their own transactions first, so that no CREATE TABLE ever
   * commits a commit halfway.
   */
  private void prepareTables(TransactionState state) {
    if (catalog.dialect().transactionalDdl()) {
      return;
    }
    for (java.util.Map.Entry<Long, TableChanges> e : state.existingChanges.entrySet()) {
      if (!e.getValue().fileDeletes.isEmpty()) {
        long tableId = e.getKey();
        catalog.write(
            "creating the inlined-delete table of table " + tableId,
            c -> {
              io.quacklake.internal.catalog.InlinedWrites.createFileDeleteTable(c, tableId);
              return null;
            });
      }
    }
  }

  /**
   * Refuses to publish files written longer ago than half the orphan grace period: orphan cleanup
   * deletes unreferenced files older than the whole period, so it can never delete a file a later
   * commit references (decision 0013).
   */
  private static void requireFreshFiles(TransactionState state, CommitIo io) {
    java.time.Instant first = state.firstWrite();
    if (first == null) {
      return;
    }
    Duration age = Duration.between(first, java.time.Instant.now());
    Duration limit = io.orphanGrace().dividedBy(2);
    if (age.compareTo(limit) > 0) {
      throw new QuacklakeException(
          ErrorKind.CONFLICT,
          "this transaction wrote its first data file "
              + age.toSeconds()
              + " s ago, more than half the lake's delete_older_than ("
              + io.orphanGrace().toSeconds()
              + " s), so orphan cleanup may already have removed it; nothing was committed:"
              + " retry the transaction, or raise delete_older_than");
    }
  }

  /**
   * Removes the files a failed attempt wrote at commit time (delete files carry the attempt's
   * snapshot ids); the catalog transaction that would have referenced them was rolled back.
   */
  private static void removeAttemptFiles(TransactionState state, CommitIo io, int from) {
    java.util.List<io.quacklake.storage.Location> attempt =
        state.writtenFiles().subList(from, state.writtenFiles().size());
    for (io.quacklake.storage.Location file : attempt) {
      try {
        io.store().delete(file);
      } catch (java.io.IOException | RuntimeException e) {
        // an unreferenced file is harmless; orphan cleanup removes it later
      }
    }
    attempt.clear();
  }

  /**
   * After a failed apply on a moved base: when a concurrent commit removed what this one builds on,
   * throw that conflict instead of the failure it caused. Returns when there is none.
   */
  private static void reportConflictInstead(CatalogSession c, TransactionState state) {
    c.afterRollbackToSavepoint(
        () -> ConflictCheck.check(c, state.base().snapshotId(), state.plannedChanges()));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuacklakeException(ErrorKind.UNAVAILABLE, "commit interrupted", e);
    }
  }
}
