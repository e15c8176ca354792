package io.quacklake.internal.scan;

import io.quacklake.ScanMetrics;
import io.quacklake.ScanReader;
import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.InlinedRows;
import io.quacklake.internal.parquet.FooterCache;
import io.quacklake.internal.parquet.ParquetReadRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Executes a {@link ScanPlan}: worker threads read files (and inlined rows) in parallel and hand
 * finished batches through a bounded queue to the consumer. Every file is first opened by one
 * worker; workers left without an unopened file join files in progress and take their unread row
 * groups, so a table of one large file still uses every thread. Batch order is not defined.
 */
public final class ParallelScanReader extends ScanReader {
  private static final Object DONE = new Object();

  private final ScanPlan plan;
  private final ScanSettings settings;
  private final BufferAllocator allocator;
  private final Schema schema;
  private final ScanCounters counters = new ScanCounters();
  private final BlockingQueue<Object> queue;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicInteger nextUnit = new AtomicInteger();
  private final AtomicInteger liveWorkers = new AtomicInteger();
  private final List<Runnable> units = new ArrayList<>();
  private boolean finished;

  private ParallelScanReader(ScanPlan plan, ScanSettings settings, BufferAllocator allocator) {
    super(allocator);
    this.plan = plan;
    this.settings = settings;
    this.allocator = allocator;
    this.schema = settings.output();
    this.queue = new ArrayBlockingQueue<>(Math.max(2, settings.threads() * 2));
  }

  /**
   * Starts the scan. The reader owns {@code allocator} (a child allocator for this scan) and closes
   * it.
   */
  public static ParallelScanReader start(
      ScanPlan plan, ScanSettings settings, BufferAllocator allocator) {
    return start(plan, settings, allocator, null);
  }

  /**
   * As {@link #start(ScanPlan, ScanSettings, BufferAllocator)}, running {@code afterClose} (such as
   * closing a store opened for this scan alone) once the reader and its allocator are closed.
   */
  public static ParallelScanReader start(
      ScanPlan plan, ScanSettings settings, BufferAllocator allocator, AutoCloseable afterClose) {
    ParallelScanReader reader = new ParallelScanReader(plan, settings, allocator);
    reader.afterClose = afterClose;
    reader.launch();
    return reader;
  }

  private AutoCloseable afterClose;

  private void launch() {
    BatchProjector projector = new BatchProjector(schema, settings.filter(), allocator);
    long snapshot = plan.table().snapshotId();
    FooterCache footers = FooterCache.of(settings.store());
    List<SharedFile> files = plan.files().stream().map(f -> new SharedFile(f, footers)).toList();
    for (int round = 0; round < Math.max(1, settings.threads()); round++) {
      boolean first = round == 0;
      for (SharedFile file : files) {
        units.add(
            () ->
                FileReadTask.run(
                    file,
                    first,
                    snapshot,
                    settings,
                    projector,
                    allocator,
                    counters,
                    cancelled::get,
                    this::emit));
      }
    }
    for (InlinedRows rows : plan.inlined()) {
      units.add(() -> readInlined(rows, projector));
    }
    int workers = Math.max(1, Math.min(settings.threads(), units.size()));
    liveWorkers.set(workers);
    for (int i = 0; i < workers; i++) {
      settings.executor().execute(this::work);
    }
  }

  private void work() {
    try {
      int i;
      while (!cancelled.get() && (i = nextUnit.getAndIncrement()) < units.size()) {
        units.get(i).run();
      }
    } catch (Throwable t) {
      cancelled.set(true);
      offer(t);
    } finally {
      if (liveWorkers.decrementAndGet() == 0) {
        offer(DONE);
      }
    }
  }

  private void readInlined(InlinedRows rows, BatchProjector projector) {
    int size = rows.values().size();
    for (int from = 0; from < size && !cancelled.get(); from += settings.batchSize()) {
      int to = Math.min(size, from + settings.batchSize());
      try (VectorSchemaRoot root =
              InlinedBatches.build(rows, settings.readColumns(), from, to, allocator);
          BigIntVector ids = new BigIntVector(RowLocationColumns.ROW_ID, allocator);
          BigIntVector inserted = new BigIntVector(ParquetReadRequest.ROW_SNAPSHOT, allocator)) {
        counters.inlinedRows.add(to - from);
        counters.rowsScanned.add(to - from);
        VectorSchemaRoot source = root;
        if (settings.rowIdentity()) {
          ids.allocateNew(to - from);
          inserted.allocateNew(to - from);
          for (int r = from; r < to; r++) {
            ids.set(r - from, rows.rowIds()[r]);
            if (rows.beginSnapshots() == null) {
              inserted.setNull(r - from);
            } else {
              inserted.set(r - from, rows.beginSnapshots()[r]);
            }
          }
          ids.setValueCount(to - from);
          inserted.setValueCount(to - from);
          List<FieldVector> vectors = new ArrayList<>(root.getFieldVectors());
          vectors.add(ids);
          vectors.add(inserted);
          source = new VectorSchemaRoot(vectors);
        }
        ArrowRecordBatch out =
            projector.project(source, new RowOrigin(null, rows.tableName(), null));
        if (out != null) {
          counters.rowsReturned.add(out.getLength());
          emit(out);
        }
      }
    }
  }

  private void emit(ArrowRecordBatch batch) {
    if (!offer(batch)) {
      batch.close();
    }
  }

  /** Puts an item on the queue unless the scan was cancelled; true when it was queued. */
  private boolean offer(Object item) {
    try {
      while (true) {
        if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
          return true;
        }
        if (cancelled.get() && item != DONE && !(item instanceof Throwable)) {
          return false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public boolean loadNextBatch() {
    if (finished) {
      return false;
    }
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuacklakeException(ErrorKind.UNAVAILABLE, "scan interrupted", e);
    }
    if (item == DONE) {
      finished = true;
      return false;
    }
    if (item instanceof Throwable t) {
      finished = true;
      if (t instanceof QuacklakeException q) {
        throw q;
      }
      if (t instanceof Error e) {
        throw e;
      }
      throw QuacklakeException.internal(
          "scan of "
              + plan.table().table().qualifiedName()
              + " failed: "
              + (t.getMessage() == null ? "an unexpected error" : t.getMessage()),
          t);
    }
    getVectorSchemaRoot(); // initialises the root and its loader on first use
    loadRecordBatch((ArrowRecordBatch) item);
    return true;
  }

  @Override
  public ScanMetrics metrics() {
    return counters.snapshot(plan);
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    cancelled.set(true);
    try {
      while (liveWorkers.get() > 0 || !queue.isEmpty()) {
        if (queue.poll(10, TimeUnit.MILLISECONDS) instanceof ArrowRecordBatch b) {
          b.close();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close(boolean closeReadSource) {
    try {
      super.close(closeReadSource);
    } finally {
      try {
        allocator.close();
      } finally {
        closeAfter();
      }
    }
  }

  private void closeAfter() {
    AutoCloseable after = afterClose;
    afterClose = null;
    if (after != null) {
      try {
        after.close();
      } catch (Exception e) {
        throw new io.quacklake.exceptions.QuacklakeException(
            io.quacklake.exceptions.ErrorKind.UNAVAILABLE,
            "cannot close the scan's store: " + e.getMessage(),
            e);
      }
    }
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }
}
