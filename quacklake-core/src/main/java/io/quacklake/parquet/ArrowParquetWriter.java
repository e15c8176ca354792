package io.quacklake.parquet;

import io.quacklake.QuacklakeException;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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

  private final Location location;
  private final List<LakeColumn> columns;
  private final List<Shredder> shredders;
  private final ParquetFileSink sink;
  private int boundGeneration = -1;
  private boolean encodingsChosen;
  private boolean finished;

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
    return new ArrowParquetWriter(
        location, frozen, new ParquetFileSink(store, location, schema, options));
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
      int to = (int) Math.min(rows, from + Math.min(SLICE_ROWS, sink.rowsLeftInGroup()));
      for (Shredder s : shredders) {
        for (int i = from; i < to; i++) {
          s.write(i, 0);
        }
      }
      sink.endRows(to - from);
      from = to;
    }
  }

  /** Rows written so far. */
  /** About how large the file is so far (written plus buffered bytes), for rolling files. */
  public long estimatedBytes() {
    return sink.estimatedSize();
  }

  public long rowCount() {
    return sink.rowCount();
  }

  /**
   * Writes the footer and publishes the file.
   *
   * @return the file's exact size, footer size and per-leaf statistics
   * @throws QuacklakeException UNAVAILABLE when the file cannot be written
   */
  public WrittenFile close() {
    if (finished) {
      throw new IllegalStateException("writer for " + location + " is already closed");
    }
    finished = true;
    return sink.finish(location);
  }

  /**
   * Gives the file up: buffered data is dropped and the file never appears under its final name.
   * The store's output stream is left unclosed, as closing it would publish the partial file.
   */
  public void abort() {
    if (!finished) {
      finished = true;
      sink.abort();
    }
  }
}
