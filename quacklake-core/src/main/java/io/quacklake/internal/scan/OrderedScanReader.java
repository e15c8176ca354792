package io.quacklake.internal.scan;

import io.quacklake.ScanMetrics;
import io.quacklake.ScanReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Executes a {@link ScanPlan} in the table's order: files in the plan's (catalog) order, each
 * file's rows in file order, then the inlined rows. Up to {@code threads} files are read ahead in
 * parallel, each by one worker into its own small queue, so order costs the parallelism inside one
 * file but not across files, and memory stays bounded.
 */
public final class OrderedScanReader extends ScanReader {
  private final ScanPlan plan;
  private final ScanSettings settings;
  private final BufferAllocator allocator;
  private final Schema schema;
  private final List<ScanPlan> parts = new ArrayList<>();
  private final Deque<ParallelScanReader> window = new ArrayDeque<>();
  private int nextPart;
  private long rowGroupsRead;
  private long rowGroupsSkipped;
  private long inlinedRows;
  private long rowsScanned;
  private long rowsReturned;

  private OrderedScanReader(
      ScanPlan plan, ScanSettings settings, BufferAllocator allocator, Schema schema) {
    super(allocator);
    this.plan = plan;
    this.settings = settings;
    this.allocator = allocator;
    this.schema = schema;
    for (FileTask f : plan.files()) {
      parts.add(new ScanPlan(plan.table(), List.of(f), List.of(), 0, 0));
    }
    if (!plan.inlined().isEmpty()) {
      parts.add(new ScanPlan(plan.table(), List.of(), plan.inlined(), 0, 0));
    }
  }

  /** Starts reading; the reader owns {@code allocator} (a child allocator for this scan). */
  public static OrderedScanReader start(
      ScanPlan plan, ScanSettings settings, BufferAllocator allocator, Schema schema) {
    OrderedScanReader reader = new OrderedScanReader(plan, settings, allocator, schema);
    reader.fill();
    return reader;
  }

  private void fill() {
    ScanSettings one =
        new ScanSettings(
            settings.output(),
            settings.readColumns(),
            settings.filter(),
            settings.store(),
            settings.executor(),
            1,
            settings.batchSize(),
            settings.rowIdentity());
    while (window.size() < Math.max(1, settings.threads()) && nextPart < parts.size()) {
      BufferAllocator child =
          allocator.newChildAllocator("ordered part " + nextPart, 0, Long.MAX_VALUE);
      window.addLast(ParallelScanReader.start(parts.get(nextPart++), one, child));
    }
  }

  @Override
  public boolean loadNextBatch() {
    while (!window.isEmpty()) {
      ParallelScanReader current = window.peekFirst();
      if (current.loadNextBatch()) {
        getVectorSchemaRoot();
        loadRecordBatch(new VectorUnloader(current.getVectorSchemaRoot()).getRecordBatch());
        return true;
      }
      ScanMetrics m = current.metrics();
      rowGroupsRead += m.rowGroupsRead();
      rowGroupsSkipped += m.rowGroupsSkipped();
      inlinedRows += m.inlinedRows();
      rowsScanned += m.rowsScanned();
      rowsReturned += m.rowsReturned();
      window.removeFirst().close();
      fill();
    }
    return false;
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }

  @Override
  public ScanMetrics metrics() {
    return new ScanMetrics(
        plan.filesTotal(),
        plan.filesPruned(),
        rowGroupsRead,
        rowGroupsSkipped,
        inlinedRows,
        rowsScanned,
        rowsReturned);
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    while (!window.isEmpty()) {
      window.removeFirst().close();
    }
  }

  @Override
  public void close(boolean closeReadSource) {
    try {
      super.close(closeReadSource);
    } finally {
      allocator.close();
    }
  }
}
