package io.quacklake;

import io.quacklake.expr.Expressions;
import io.quacklake.internal.catalog.InlinedRows;
import io.quacklake.internal.scan.FileTask;
import io.quacklake.internal.scan.Filters;
import io.quacklake.internal.scan.ParallelScanReader;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.internal.scan.RowFilter;
import io.quacklake.internal.scan.ScanOutput;
import io.quacklake.internal.scan.ScanPlan;
import io.quacklake.internal.scan.ScanSettings;
import io.quacklake.internal.storage.ObjectStores;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.storage.StorageSettings;
import io.quacklake.types.LakeColumn;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One independent part of a planned scan — a data file with its deletes, or the rows inlined in the
 * catalog — that another thread, process or machine reads without the catalog ({@link
 * TableScan#planTasks()}). It is {@link Serializable}: a distributed engine ships it to a worker,
 * which calls {@link #open} with the storage settings of the lake's data path. The rows are
 * projected and filtered as the scan asked, at the scan's snapshot.
 */
public final class ScanTask implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ResolvedTable table;
  private final ScanOutput output;
  private final List<LakeColumn> read;
  private final String filterSql;
  private final Location dataRoot;
  private final FileTask file;
  private final InlinedRows inlined;
  private final int batchSize;

  ScanTask(
      ResolvedTable table,
      ScanOutput output,
      List<LakeColumn> read,
      String filterSql,
      Location dataRoot,
      FileTask file,
      InlinedRows inlined,
      int batchSize) {
    this.table = table;
    this.output = output;
    this.read = List.copyOf(read);
    this.filterSql = filterSql;
    this.dataRoot = dataRoot;
    this.file = file;
    this.inlined = inlined;
    this.batchSize = batchSize;
  }

  /** The data file this task reads, or null for rows inlined in the catalog. */
  public String location() {
    return file == null ? null : file.location().value();
  }

  /** Rows before deletes and filters: the file's record count, or the inlined rows. */
  public long recordCount() {
    return file == null ? inlined.rowIds().length : file.file().recordCount();
  }

  /** Bytes to read: the file's size, 0 for inlined rows. */
  public long sizeBytes() {
    return file == null ? 0 : file.file().fileSizeBytes();
  }

  /** The snapshot the task reads. */
  public long snapshotId() {
    return table.snapshotId();
  }

  /**
   * Reads the task's rows as Arrow batches in the scan's output schema; close the reader.
   *
   * @param storage settings for the store of the lake's data path (credentials, endpoint), the same
   *     the lake was opened with; {@link StorageSettings#NONE} for local files
   */
  public ScanReader open(StorageSettings storage) {
    return open(storage, null);
  }

  /**
   * As {@link #open(StorageSettings)}, with the batches allocated from a child of {@code parent}
   * (so that they can move into vectors of the caller's allocator without a copy).
   */
  public ScanReader open(StorageSettings storage, BufferAllocator parent) {
    RowFilter filter =
        filterSql == null
            ? RowFilter.ALL
            : Filters.bind(Expressions.parse(filterSql), table.columns());
    ScanPlan plan =
        new ScanPlan(
            table,
            file == null ? List.of() : List.of(file),
            inlined == null ? List.of() : List.of(inlined),
            1,
            0);
    ObjectStore store = ObjectStores.forLocation(dataRoot, storage);
    BufferAllocator allocator = null;
    try {
      ScanSettings settings =
          new ScanSettings(
              output.schema(), read, filter, store, WORKERS, 1, batchSize, output.rowIdentity());
      allocator =
          parent == null
              ? new org.apache.arrow.memory.RootAllocator()
              : parent.newChildAllocator("scan task " + this, 0, Long.MAX_VALUE);
      return ParallelScanReader.start(plan, settings, allocator, store);
    } catch (RuntimeException e) {
      if (allocator != null) {
        allocator.close();
      }
      store.close();
      throw e;
    }
  }

  @Override
  public String toString() {
    return "ScanTask[" + (file == null ? "inlined rows" : location()) + " @" + snapshotId() + "]";
  }

  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger n = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
              Thread t = new Thread(r, "quacklake-task-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            }
          });
}
