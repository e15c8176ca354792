package io.quacklake.internal.lake;

import io.quacklake.LakeOptions;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogConnection;
import io.quacklake.internal.catalog.ObjectGateway;
import io.quacklake.internal.catalog.SnapshotGateway;
import io.quacklake.internal.catalog.SnapshotRecord;
import io.quacklake.internal.scan.DataPaths;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.internal.txn.Committer;
import io.quacklake.internal.txn.RetryPolicy;
import io.quacklake.internal.txn.TransactionState;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * What an open lake shares with everything working on it: the catalog connection and its gateways,
 * the data paths, the object store, the Arrow allocator, the reader pool and the options. Built
 * once when a lake opens and handed to the implementation classes; the public {@code Lake}, {@code
 * Table}, {@code TableScan} and {@code Transaction} are facades over it. Thread-safe.
 */
public final class LakeContext implements AutoCloseable {
  private final CatalogConnection catalog;
  private final LakeOptions options;
  private final DataPaths paths;
  private final io.quacklake.internal.scan.PlanCache planCache =
      new io.quacklake.internal.scan.PlanCache();
  private final SnapshotGateway snapshots;
  private final ObjectGateway objects;

  /** Made on first use: a call that only reads the catalog never loads Arrow's memory classes. */
  private BufferAllocator allocator;

  private final ObjectStore store;
  private final ExecutorService readers;
  private final TableLookup tables;

  private LakeContext(CatalogConnection catalog, LakeOptions options) {
    this.catalog = catalog;
    this.options = options;
    String dataPath =
        options.dataPath() != null ? options.dataPath() : catalog.metadata("data_path");
    if (dataPath == null) {
      throw QuacklakeException.corrupt(
          "catalog %s has no data_path; open it with a data path override", catalog.location());
    }
    this.paths = DataPaths.of(dataPath);
    this.snapshots = new SnapshotGateway(catalog);
    this.objects = new ObjectGateway(catalog);
    this.store = ObjectStores.forLocation(Location.of(dataPath), options.storage());
    AtomicInteger n = new AtomicInteger();
    this.readers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "quacklake-read-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.tables = new TableLookup(this);
  }

  /**
   * Opens the lake's shared resources over an open catalog connection, which it then owns (and
   * closes if opening fails).
   */
  public static LakeContext open(CatalogConnection catalog, LakeOptions options) {
    try {
      return new LakeContext(catalog, options);
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
  }

  public CatalogConnection catalog() {
    return catalog;
  }

  public SnapshotGateway snapshots() {
    return snapshots;
  }

  public ObjectGateway objects() {
    return objects;
  }

  public DataPaths paths() {
    return paths;
  }

  public LakeOptions options() {
    return options;
  }

  public synchronized BufferAllocator allocator() {
    if (allocator == null) {
      allocator = new RootAllocator();
    }
    return allocator;
  }

  /** The lake's cache of the files of tables it plans repeatedly. */
  public io.quacklake.internal.scan.PlanCache planCache() {
    return planCache;
  }

  public ObjectStore store() {
    return store;
  }

  public ExecutorService readers() {
    return readers;
  }

  /** Tables by name at a snapshot. */
  public TableLookup tables() {
    return tables;
  }

  /**
   * @throws QuacklakeException NOT_FOUND when there is no such snapshot
   */
  public SnapshotRecord snapshot(long id) {
    SnapshotRecord s = snapshots.byId(id);
    if (s == null) {
      throw QuacklakeException.notFound(
          "snapshot %d does not exist in %s; 'quacklake snapshots' lists them",
          id, catalog.location());
    }
    return s;
  }

  /** Commits a transaction's changes (decision 0005); returns the new snapshot. */
  public SnapshotRecord commit(TransactionState state, TransactionWrites writes) {
    Committer committer =
        new Committer(
            catalog,
            new RetryPolicy(
                options.maxRetries(), Duration.ofMillis(options.retryWaitMillis()), 1.5));
    long started = System.nanoTime();
    long[] counts = state.rowCounts();
    long snapshot = -1;
    boolean conflicted = false;
    try {
      SnapshotRecord committed = committer.commit(state, new LakeCommitIo(this, state, writes));
      snapshot = committed.snapshotId();
      return committed;
    } catch (io.quacklake.exceptions.QuacklakeException e) {
      conflicted = e.kind() == io.quacklake.exceptions.ErrorKind.CONFLICT;
      throw e;
    } finally {
      Reports.deliver(
          options.metricsReporter()::commit,
          new io.quacklake.CommitReport(
              snapshot,
              state.base().snapshotId(),
              committer.attempts(),
              conflicted,
              Duration.ofNanos(System.nanoTime() - started),
              counts[0],
              counts[1],
              counts[2]));
    }
  }

  /** Removes files nothing in the catalog refers to; failures leave harmless orphans. */
  public void removeFiles(List<Location> files) {
    for (Location f : files) {
      try {
        store.delete(f);
      } catch (java.io.IOException | RuntimeException e) {
        // an orphan file is harmless: nothing in the catalog refers to it
      }
    }
  }

  @Override
  public void close() {
    readers.shutdown();
    catalog.close();
    store.close();
    synchronized (this) {
      if (allocator != null) {
        allocator.close();
      }
    }
  }
}
