package io.quacklake;

import io.quacklake.exceptions.ErrorKind;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.parquet.ArrowParquetWriter;
import io.quacklake.internal.parquet.ParquetBatchReader;
import io.quacklake.internal.parquet.ParquetReadRequest;
import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.internal.storage.LocalObjectStore;
import io.quacklake.storage.Location;
import io.quacklake.types.LakeColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Local Parquet files outside a lake, read and written with the lake's own Parquet code: for
 * importing a file into a table and exporting a scan. Columns are bound as in data files: by field
 * id ({@link LakeColumn#id()}) when the file has field ids, otherwise by position.
 */
public final class ParquetFiles {
  private ParquetFiles() {}

  /**
   * Reads {@code file} as {@code columns}, handing each batch (of at most {@code batchRows} rows,
   * valid until the next one) to {@code sink}.
   *
   * @throws QuacklakeException CORRUPT for a file that is not Parquet or does not fit the columns;
   *     UNAVAILABLE when it cannot be read
   */
  public static void read(
      Path file,
      List<LakeColumn> columns,
      int batchRows,
      BufferAllocator allocator,
      Consumer<VectorSchemaRoot> sink) {
    try (LocalObjectStore store = new LocalObjectStore()) {
      var input = store.newInputFile(Location.of(file.toString()), Files.size(file));
      ParquetReadRequest read = ParquetReadRequest.of(input, columns).withBatchSize(batchRows);
      try (ParquetBatchReader reader = ParquetBatchReader.open(read, allocator)) {
        while (reader.loadNextBatch()) {
          sink.accept(reader.root());
        }
      }
    } catch (IOException e) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE, "reading " + file + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Starts a new Parquet file at {@code file} (replacing one that exists) with the columns' names,
   * DuckLake types and ids as field ids.
   */
  public static Writer create(Path file, List<LakeColumn> columns) {
    Path target = file.toAbsolutePath();
    try {
      Files.deleteIfExists(target);
    } catch (IOException e) {
      throw new QuacklakeException(
          ErrorKind.UNAVAILABLE, "replacing " + target + " failed: " + e.getMessage(), e);
    }
    LocalObjectStore store = new LocalObjectStore();
    try {
      return new Writer(
          store,
          ArrowParquetWriter.open(
              store, Location.of(target.toString()), columns, ParquetWriteOptions.defaults()));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** A Parquet file being written: {@link #close()} finishes it, {@link #abort()} removes it. */
  public static final class Writer implements AutoCloseable {
    private final LocalObjectStore store;
    private final ArrowParquetWriter writer;
    private boolean ended;

    private Writer(LocalObjectStore store, ArrowParquetWriter writer) {
      this.store = store;
      this.writer = writer;
    }

    /** Appends a batch whose vectors are the file's columns, in order. */
    public void write(VectorSchemaRoot batch) {
      writer.write(batch);
    }

    /** Abandons the file: nothing of it is left. */
    public void abort() {
      if (!ended) {
        ended = true;
        try {
          writer.abort();
        } finally {
          store.close();
        }
      }
    }

    /** Finishes the file (footer written, file complete). */
    @Override
    public void close() {
      if (!ended) {
        ended = true;
        try {
          writer.close();
        } finally {
          store.close();
        }
      }
    }
  }
}
