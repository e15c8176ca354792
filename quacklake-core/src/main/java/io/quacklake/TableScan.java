package io.quacklake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Expression;
import io.quacklake.expr.Expressions;
import io.quacklake.internal.lake.LakeContext;
import io.quacklake.internal.lake.TransactionView;
import io.quacklake.internal.scan.Filters;
import io.quacklake.internal.scan.MetadataRowCount;
import io.quacklake.internal.scan.ParallelScanReader;
import io.quacklake.internal.scan.ResolvedTable;
import io.quacklake.internal.scan.RowFilter;
import io.quacklake.internal.scan.RowLocationColumns;
import io.quacklake.internal.scan.ScanOutput;
import io.quacklake.internal.scan.ScanPlan;
import io.quacklake.internal.scan.ScanPlanner;
import io.quacklake.internal.scan.ScanSettings;
import io.quacklake.internal.scan.VirtualColumn;
import io.quacklake.types.LakeColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A scan being set up: which columns, which rows, which snapshot. Each setter returns a new scan,
 * so a scan can be shared and refined. {@link #arrow()} runs it.
 */
public final class TableScan {
  private final Lake lake;
  private final LakeContext context;
  private final Table table;
  private final List<String> columns;
  private final Expression filter;
  private final Long snapshotId;
  private final Instant time;
  private final TransactionView view;
  private final boolean rowLocations;

  /** Name of the row id column {@link #withRowLocations()} adds. */
  public static final String ROW_ID_COLUMN = RowLocationColumns.ROW_ID;

  /** Name of the data file id column {@link #withRowLocations()} adds. */
  public static final String DATA_FILE_ID_COLUMN = RowLocationColumns.DATA_FILE_ID;

  /** Name of the file position column {@link #withRowLocations()} adds. */
  public static final String FILE_POSITION_COLUMN = RowLocationColumns.FILE_POSITION;

  TableScan(Lake lake, LakeContext context, Table table) {
    this(lake, context, table, null, null, null, null, null, false);
  }

  /** A scan inside a transaction: its base snapshot plus its own writes. */
  TableScan(Lake lake, LakeContext context, Table table, TransactionView view) {
    this(lake, context, table, null, null, null, null, view, false);
  }

  private TableScan(
      Lake lake,
      LakeContext context,
      Table table,
      List<String> columns,
      Expression filter,
      Long snapshotId,
      Instant time,
      TransactionView view,
      boolean rowLocations) {
    this.lake = lake;
    this.context = context;
    this.table = table;
    this.columns = columns;
    this.filter = filter;
    this.snapshotId = snapshotId;
    this.time = time;
    this.view = view;
    this.rowLocations = rowLocations;
  }

  /**
   * Only these columns, in this order (names match case-insensitively). Besides the table's
   * columns, DuckDB's virtual columns may be named where the table has no column of that name:
   * {@code rowid} and {@code snapshot_id} (the snapshot that inserted the row, BIGINT), {@code
   * filename} (the data file's path, or the inlined-data table's name for rows in the catalog) and
   * {@code file_row_number} (the row's position in its file; its row id for rows in the catalog).
   */
  public TableScan select(String... names) {
    return select(List.of(names));
  }

  public TableScan select(List<String> names) {
    return new TableScan(
        lake, context, table, List.copyOf(names), filter, snapshotId, time, view, rowLocations);
  }

  /**
   * The scan's columns followed by where each row is: {@value #ROW_ID_COLUMN} (its row id), {@value
   * #DATA_FILE_ID_COLUMN} and {@value #FILE_POSITION_COLUMN} (its data file and 0-based position in
   * it; both NULL for rows inlined in the catalog), all BIGINT. A distributed engine deletes or
   * replaces the rows it found this way with {@link Transaction#deleteRows} and {@link
   * TaskWriter#writeRowVersions}.
   *
   * @throws QuacklakeException UNSUPPORTED on a scan inside a transaction
   */
  public TableScan withRowLocations() {
    if (view != null) {
      throw QuacklakeException.unsupported(
          "row locations of a scan inside a transaction; scan lake.table(..) instead");
    }
    return new TableScan(lake, context, table, columns, filter, snapshotId, time, null, true);
  }

  /** Only rows for which {@code expression} is true. */
  public TableScan filter(Expression expression) {
    return new TableScan(
        lake, context, table, columns, expression, snapshotId, time, view, rowLocations);
  }

  /** Only rows for which the SQL expression is true (grammar in {@code docs/cli.md}). */
  public TableScan filter(String sql) {
    return filter(Expressions.parse(sql));
  }

  /**
   * The table as of a snapshot id.
   *
   * @throws QuacklakeException INVALID_ARGUMENT on a scan inside a transaction, which reads its
   *     base snapshot
   */
  public TableScan asOf(long snapshot) {
    noTimeTravelInTransaction();
    return new TableScan(lake, context, table, columns, filter, snapshot, null, null, rowLocations);
  }

  /** The table as of the newest snapshot at or before {@code instant}. */
  public TableScan asOf(Instant instant) {
    noTimeTravelInTransaction();
    return new TableScan(lake, context, table, columns, filter, null, instant, null, rowLocations);
  }

  private void noTimeTravelInTransaction() {
    if (view != null) {
      throw QuacklakeException.invalid(
          "a scan inside a transaction reads the transaction's base snapshot %d; use"
              + " lake.table(..).scan().asOf(..) outside the transaction for time travel",
          view.snapshotId());
    }
  }

  /** The snapshot this scan reads (inside a transaction: its base snapshot). */
  public long snapshotId() {
    if (view != null) {
      return view.snapshotId();
    }
    if (snapshotId != null) {
      return lake.snapshot(snapshotId).id();
    }
    if (time != null) {
      return lake.snapshotAt(time).id();
    }
    return lake.currentSnapshot().id();
  }

  /**
   * The number of rows the scan returns if catalog metadata alone can say it (no filter, record
   * counts exact for every file and its deletes), without reading any file; empty otherwise.
   */
  public OptionalLong metadataCount() {
    return filter != null || view != null ? OptionalLong.empty() : metadataCount(resolve());
  }

  private OptionalLong metadataCount(ResolvedTable resolved) {
    return MetadataRowCount.of(
        ScanPlanner.plan(
            context.catalog(), context.planCache(), resolved, resolved.columns(), RowFilter.ALL));
  }

  /**
   * The number of rows the scan returns. Answered from catalog metadata when there is no filter and
   * the files allow it; otherwise by scanning the filter's columns.
   */
  public long count() {
    ResolvedTable resolved = resolve();
    if (filter == null && view == null) {
      OptionalLong fromMetadata = metadataCount(resolved);
      if (fromMetadata.isPresent()) {
        return fromMetadata.getAsLong();
      }
    }
    long count = 0;
    try (ScanReader reader =
        start(resolved, new ScanOutput(List.of(), false), context.allocator())) {
      while (reader.loadNextBatch()) {
        count += reader.getVectorSchemaRoot().getRowCount();
      }
    }
    return count;
  }

  /**
   * Plans the scan into independent tasks that other threads, processes or machines read without
   * the catalog ({@link ScanTask#open}): one per data file left after pruning, and one for the rows
   * inlined in the catalog. Reads only the catalog. Reading every task gives the rows {@link
   * #arrow()} gives.
   *
   * @throws QuacklakeException UNSUPPORTED inside a transaction (its own writes are not in files
   *     yet)
   */
  public List<ScanTask> planTasks() {
    return planTasks(Long.MAX_VALUE);
  }

  /**
   * As {@link #planTasks()}, with data files larger than {@code splitBytes} split into tasks of
   * whole row groups of about that many compressed bytes (their footers are read to find the row
   * groups), so that one large file is read by several workers. Row groups whose statistics rule
   * the filter out are in no task.
   */
  public List<ScanTask> planTasks(long splitBytes) {
    if (splitBytes < 1) {
      throw QuacklakeException.invalid("a split must be at least 1 byte, not %d", splitBytes);
    }
    if (view != null) {
      throw QuacklakeException.unsupported(
          "planning tasks inside a transaction; plan them from lake.table(..).scan() after the"
              + " commit");
    }
    ResolvedTable resolved = resolve();
    ScanOutput output = project(resolved);
    RowFilter rowFilter = Filters.bind(filter, resolved.columns());
    List<LakeColumn> read = readColumns(resolved, output.tableColumns(), rowFilter);
    ScanPlan plan = plan(resolved, read, rowFilter);
    String filterSql = filter == null ? null : filter.toString();
    io.quacklake.storage.Location root = context.paths().root();
    int batchSize = context.options().batchSize();
    List<LakeColumn> filterColumns =
        read.stream().filter(c -> rowFilter.columnIds().contains(c.id())).toList();
    io.quacklake.internal.parquet.RowGroupFilter rowGroups =
        filterColumns.isEmpty() ? null : (stats, rows) -> rowFilter.mightMatch(stats);
    List<ScanTask> out = new ArrayList<>();
    for (io.quacklake.internal.scan.FileTask f : plan.files()) {
      if (f.file().fileSizeBytes() <= splitBytes) {
        out.add(new ScanTask(resolved, output, read, filterSql, root, f, null, batchSize));
        continue;
      }
      for (int[] range :
          io.quacklake.internal.parquet.RowGroupSplits.of(
              io.quacklake.internal.parquet.crypto.FileEncryption.open(
                  context.store(),
                  f.location(),
                  f.file().fileSizeBytes(),
                  f.file().encryptionKey()),
              splitBytes,
              f.columns(filterColumns),
              f.mapping(),
              rowGroups)) {
        out.add(
            new ScanTask(
                resolved,
                output,
                read,
                filterSql,
                root,
                f.rowGroups(range[0], range[1]),
                null,
                batchSize));
      }
    }
    for (io.quacklake.internal.catalog.InlinedRows rows : plan.inlined()) {
      if (rows.rowIds().length > 0) {
        out.add(new ScanTask(resolved, output, read, filterSql, root, null, rows, batchSize));
      }
    }
    return out;
  }

  /** The Arrow schema the scan returns (its columns, each with its DuckLake id and type). */
  public org.apache.arrow.vector.types.pojo.Schema schema() {
    return project(resolve()).schema();
  }

  /**
   * The data files the scan would read, after pruning (rows inlined in the catalog are not files
   * and are not listed). Reads only the catalog.
   */
  public List<PlannedFile> planFiles() {
    ResolvedTable resolved = resolve();
    RowFilter rowFilter = Filters.bind(filter, resolved.columns());
    ScanPlan plan = plan(resolved, resolved.columns(), rowFilter);
    List<PlannedFile> out = new ArrayList<>(plan.files().size());
    for (io.quacklake.internal.scan.FileTask f : plan.files()) {
      out.add(
          new PlannedFile(
              f.location().value(),
              f.file().recordCount(),
              f.file().fileSizeBytes(),
              f.deleteFile() != null || f.inlinedDeletes().length > 0));
    }
    return out;
  }

  /**
   * The data files the scan would read (after pruning by its filter) with their delete files and
   * deleted row counts, in catalog order. Reads only the catalog.
   */
  public List<DataFileInfo> files() {
    ResolvedTable resolved = resolve();
    RowFilter rowFilter = Filters.bind(filter, resolved.columns());
    ScanPlan plan = plan(resolved, resolved.columns(), rowFilter);
    List<DataFileInfo> out = new ArrayList<>(plan.files().size());
    for (io.quacklake.internal.scan.FileTask f : plan.files()) {
      var delete = f.deleteFile();
      out.add(
          new DataFileInfo(
              f.location().value(),
              f.file().recordCount(),
              f.file().fileSizeBytes(),
              f.file().footerSize(),
              delete == null ? null : f.deleteLocation().value(),
              delete == null ? null : delete.fileSizeBytes(),
              (delete == null ? 0 : delete.deleteCount()) + f.inlinedDeletes().length));
    }
    return out;
  }

  private ScanPlan plan(ResolvedTable resolved, List<LakeColumn> read, RowFilter rowFilter) {
    return view != null
        ? view.plan(read, rowFilter)
        : ScanPlanner.plan(context.catalog(), context.planCache(), resolved, read, rowFilter);
  }

  /** Plans and starts the scan; the caller closes the reader. */
  public ScanReader arrow() {
    return arrow(context.allocator());
  }

  /**
   * As {@link #arrow()}, with the batches allocated from a child of {@code parent} (so that they
   * can move into vectors of the caller's allocator without a copy).
   */
  public ScanReader arrow(BufferAllocator parent) {
    ResolvedTable resolved = resolve();
    return start(resolved, project(resolved), parent);
  }

  /**
   * As {@link #arrow()}, with the rows in the table's order: data files in catalog order, each
   * file's rows in file order, then the rows inlined in the catalog — so that a limit or two reads
   * of one snapshot give the same rows. Several files are still read ahead in parallel; one file is
   * read by one thread.
   */
  public ScanReader arrowInOrder() {
    return arrowInOrder(context.allocator());
  }

  /** As {@link #arrowInOrder()}, with the batches allocated from a child of {@code parent}. */
  public ScanReader arrowInOrder(BufferAllocator parent) {
    long started = System.nanoTime();
    ResolvedTable resolved = resolve();
    ScanOutput output = project(resolved);
    Planned p = planned(resolved, output);
    return reported(
        io.quacklake.internal.scan.OrderedScanReader.start(
            p.plan(),
            p.settings(),
            parent.newChildAllocator("ordered scan " + table.name(), 0, Long.MAX_VALUE),
            output.schema()),
        resolved,
        started);
  }

  /** {@code reader}, reporting to the lake's metrics reporter when it closes. */
  private ScanReader reported(ScanReader reader, ResolvedTable resolved, long started) {
    long planned = System.nanoTime();
    MetricsReporter reporter = context.options().metricsReporter();
    String filterText = filter == null ? null : filter.toString();
    reader.whenClosed(
        () ->
            io.quacklake.internal.lake.Reports.deliver(
                reporter::scan,
                new ScanReport(
                    resolved.table().qualifiedName(),
                    resolved.snapshotId(),
                    filterText,
                    reader.metrics(),
                    java.time.Duration.ofNanos(planned - started),
                    java.time.Duration.ofNanos(System.nanoTime() - planned))));
    return reader;
  }

  /** A scan's plan and how to execute it. */
  private record Planned(ScanPlan plan, ScanSettings settings) {}

  private Planned planned(ResolvedTable resolved, ScanOutput output) {
    RowFilter rowFilter = Filters.bind(filter, resolved.columns());
    List<LakeColumn> read = readColumns(resolved, output.tableColumns(), rowFilter);
    LakeOptions o = context.options();
    return new Planned(
        plan(resolved, read, rowFilter),
        new ScanSettings(
            output.schema(),
            read,
            rowFilter,
            context.store(),
            context.readers(),
            o.readThreads(),
            o.batchSize(),
            output.rowIdentity()));
  }

  private static List<LakeColumn> readColumns(
      ResolvedTable resolved, List<LakeColumn> output, RowFilter rowFilter) {
    List<LakeColumn> read = new ArrayList<>(new java.util.LinkedHashSet<>(output));
    for (LakeColumn c : resolved.columns()) {
      if (rowFilter.columnIds().contains(c.id()) && !read.contains(c)) {
        read.add(c);
      }
    }
    if (read.isEmpty() && !resolved.columns().isEmpty()) {
      read.add(resolved.columns().get(0));
    }
    return read;
  }

  private ScanReader start(ResolvedTable resolved, ScanOutput output, BufferAllocator parent) {
    long started = System.nanoTime();
    Planned p = planned(resolved, output);
    return reported(
        ParallelScanReader.start(
            p.plan(),
            p.settings(),
            parent.newChildAllocator("scan " + table.name(), 0, Long.MAX_VALUE)),
        resolved,
        started);
  }

  private ResolvedTable resolve() {
    return view != null ? view.resolve() : table.resolve(snapshotId());
  }

  /** Iterates the result row by row (a convenience over {@link #arrow()}); close it. */
  public RowIterator rows() {
    return new RowIterator(arrow());
  }

  private ScanOutput project(ResolvedTable resolved) {
    if (columns == null) {
      return ScanOutput.of(resolved.columns(), rowLocations);
    }
    List<ScanOutput.Column> out = new ArrayList<>(columns.size());
    for (String name : columns) {
      LakeColumn c = find(resolved, name);
      out.add(
          c != null
              ? new ScanOutput.Column(c, null)
              : new ScanOutput.Column(null, VirtualColumn.named(name).orElseThrow()));
    }
    return new ScanOutput(out, rowLocations);
  }

  /** The table column of this name, else null for a virtual column's name. */
  private static LakeColumn find(ResolvedTable resolved, String name) {
    for (LakeColumn c : resolved.columns()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    for (LakeColumn c : resolved.columns()) {
      if (c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    if (VirtualColumn.named(name).isPresent()) {
      return null;
    }
    throw QuacklakeException.invalid(
        "table %s has no column '%s' at snapshot %d; its columns are %s (and the virtual columns"
            + " rowid, snapshot_id, filename, file_row_number)",
        resolved.table().qualifiedName(),
        name,
        resolved.snapshotId(),
        resolved.columns().stream().map(LakeColumn::name).toList());
  }
}
