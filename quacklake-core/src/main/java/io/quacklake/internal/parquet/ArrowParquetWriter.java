package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes Arrow batches into one Parquet data file laid out as DuckDB writes DuckLake data files:
 * field ids = column ids, DuckDB's physical and logical types, footer statistics for every leaf.
 *
 * <p>Use: {@link #open}, then {@link #write} any number of batches, then {@link #close} to publish
 * the file and get its exact facts, or {@link #abort} to give it up. Not thread-safe.
 *
 * <p>Batch layout: one vector per column of {@code columns}, in that order, typed as {@link
 * io.quacklake.types.ArrowTypes} maps the column; then one non-NULL BIGINT vector per requested
 * {@link DuckLakeSystemColumn}, in enum order.
 */
public final class ArrowParquetWriter {
  /**
   * Rows shredded column by column before the row-level bookkeeping runs (DuckDB's vector size).
   */
  private static final int SLICE_ROWS = 2048;

  /** Rows per slice when columns are shredded on several threads (amortises the hand-off). */
  private static final int PARALLEL_SLICE_ROWS = 16_384;

  private final Location location;
  private final List<LakeColumn> columns;
  private final List<Shredder> shredders;
  private final ParquetFileSink sink;
  private int boundGeneration = -1;
  private boolean encodingsChosen;
  private boolean finished;

  /** A write failed part way: columns may hold different numbers of rows, so only abort is left. */
  private boolean failed;

  private Executor executor;
  private int threads = 1;

  private ArrowParquetWriter(Location location, List<LakeColumn> columns, ParquetFileSink sink) {
    this.location = location;
    this.columns = columns;
    this.sink = sink;
    this.shredders = new ArrayList<>(columns.size());
    for (LakeColumn c : columns) {
      shredders.add(Shredder.of(c, 0, 0, List.of(), c.name()));
    }
  }

  /** Opens a data file without system columns. */
  public static ArrowParquetWriter open(
      ObjectStore store, Location location, List<LakeColumn> columns, ParquetWriteOptions options) {
    return open(store, location, columns, options, Set.of());
  }

  /**
   * Opens a data file.
   *
   * @param systemColumns the DuckLake system columns each batch carries after the data columns
   * @throws QuacklakeException INVALID_ARGUMENT for an empty or malformed column list, UNSUPPORTED
   *     for a type the writer cannot store, UNAVAILABLE when the file cannot be created
   */
  public static ArrowParquetWriter open(
      ObjectStore store,
      Location location,
      List<LakeColumn> columns,
      ParquetWriteOptions options,
      Set<DuckLakeSystemColumn> systemColumns) {
    Objects.requireNonNull(store, "store is null");
    Objects.requireNonNull(location, "location is null");
    Objects.requireNonNull(options, "options is null");
    if (columns.isEmpty()) {
      throw QuacklakeException.invalid("a Parquet data file needs at least one column");
    }
    List<LakeColumn> all = new ArrayList<>(columns);
    for (DuckLakeSystemColumn s : DuckLakeSystemColumn.values()) {
      if (systemColumns.contains(s)) {
        all.add(
            new LakeColumn(
                s.fieldId(),
                s.columnName(),
                LakeType.of(TypeId.INT64),
                false,
                null,
                null,
                List.of()));
      }
    }
    List<LakeColumn> frozen = List.copyOf(all);
    DuckLakeParquetSchema schema = DuckLakeParquetSchema.of(frozen);
    ParquetFileSink sink = new ParquetFileSink(store, location, schema, options);
    try {
      return new ArrowParquetWriter(location, frozen, sink);
    } catch (RuntimeException e) {
      sink.abort();
      throw e;
    }
  }

  /**
   * Shreds the columns of each batch on up to {@code threads} threads, the caller's and {@code
   * executor}'s: each top-level column has its own Parquet column store, so its values, pages and
   * compression stay on the thread that took it. One thread (the default) does everything on the
   * caller's thread.
   *
   * @return this writer
   */
  public ArrowParquetWriter shredOn(Executor executor, int threads) {
    this.executor = executor;
    this.threads = executor == null ? 1 : Math.max(1, Math.min(threads, shredders.size()));
    sink.flushOn(executor, this.threads);
    return this;
  }

  /**
   * Appends a batch.
   *
   * @throws QuacklakeException INVALID_ARGUMENT when the batch does not match the columns (the
   *     message names the column, the expected and the actual type) or holds NULL in a NOT NULL
   *     column; the writer is then unusable and must be aborted
   */
  public void write(VectorSchemaRoot batch) {
    if (finished) {
      throw new IllegalStateException("writer for " + location + " is closed");
    }
    if (failed) {
      throw new IllegalStateException("writer for " + location + " failed; abort it");
    }
    try {
      writeBatch(batch);
    } catch (RuntimeException | Error e) {
      failed = true;
      throw e;
    }
  }

  private void writeBatch(VectorSchemaRoot batch) {
    List<FieldVector> vectors = batch.getFieldVectors();
    if (vectors.size() != columns.size()) {
      throw QuacklakeException.invalid(
          "batch for %s has %d vectors but the file has %d columns (%s)",
          location,
          vectors.size(),
          columns.size(),
          columns.stream().map(LakeColumn::name).toList());
    }
    for (int i = 0; i < vectors.size(); i++) {
      BatchTypeCheck.check(columns.get(i), vectors.get(i).getField(), columns.get(i).name());
      shredders.get(i).bind(vectors.get(i));
    }
    int rows = batch.getRowCount();
    if (!encodingsChosen && rows > 0) {
      encodingsChosen = true;
      sink.writePlain(
          DictionaryChoice.plainColumns(batch, columns.stream().map(LakeColumn::name).toList()));
    }
    int from = 0;
    while (from < rows) {
      if (boundGeneration != sink.generation()) {
        shredders.forEach(s -> s.bindWriters(sink));
        boundGeneration = sink.generation();
      }
      int slice = threads > 1 ? PARALLEL_SLICE_ROWS : SLICE_ROWS;
      int to = (int) Math.min(rows, from + Math.min(slice, sink.rowsLeftInGroup()));
      int start = from;
      int end = to;
      ColumnTasks.run(shredders.size(), threads, executor, c -> shred(c, start, end));
      sink.completeRows(to - from);
      from = to;
    }
  }

  /**
   * Writes rows {@code [from, to)} of column {@code c} and ends them in its store (which may encode
   * and compress a page of it).
   */
  private void shred(int c, int from, int to) {
    Shredder s = shredders.get(c);
    for (int i = from; i < to; i++) {
      s.write(i, 0);
    }
    sink.endColumnRows(c, to - from);
  }

  /** About how large the file is so far (written plus buffered bytes), for rolling files. */
  public long estimatedBytes() {
    return sink.estimatedSize();
  }

  /** Rows written so far. */
  public long rowCount() {
    return sink.rowCount();
  }

  /**
   * Writes the footer and publishes the file. On failure the file is given up as by {@link #abort}.
   *
   * @return the file's exact size, footer size and per-leaf statistics
   * @throws QuacklakeException UNAVAILABLE when the file cannot be written
   */
  public WrittenFile close() {
    if (finished) {
      throw new IllegalStateException("writer for " + location + " is already closed");
    }
    if (failed) {
      throw new IllegalStateException(
          "writer for " + location + " failed in the middle of a batch; abort it instead");
    }
    finished = true;
    return sink.finish(location);
  }

  /**
   * Gives the file up: buffered data is dropped and the file never appears under its final name.
   * The store's output stream is aborted ({@link io.quacklake.storage.Abortable}), which removes
   * what was written (a temporary file, uploaded parts); a stream that cannot be aborted is left
   * unclosed, as closing it would publish the partial file.
   */
  public void abort() {
    if (!finished) {
      finished = true;
      sink.abort();
    }
  }
}
