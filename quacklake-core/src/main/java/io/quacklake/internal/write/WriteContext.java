package io.quacklake.internal.write;

import io.quacklake.internal.parquet.ParquetWriteOptions;
import io.quacklake.storage.Location;
import io.quacklake.storage.ObjectStore;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the data file writes of one transaction share, fixed for its duration.
 *
 * @param store where the files go
 * @param options Parquet settings: compression, row group sizes, format version
 * @param targetFileSize a new file starts once the current one reaches this many bytes (DuckDB's
 *     {@code target_file_size})
 * @param created told each file's location before it is written, so a failure can remove it
 * @param executor runs column shredding beside the caller's thread when {@code threads} > 1
 * @param threads threads that shred a file's columns, the caller's included (≥ 1)
 * @param fileTag added to every file name ({@code ducklake-UUID-TAG.parquet}) so that the files of
 *     one planned write can be found again, or null
 */
public record WriteContext(
    ObjectStore store,
    ParquetWriteOptions options,
    long targetFileSize,
    Consumer<Location> created,
    Executor executor,
    int threads,
    String fileTag) {
  public WriteContext {
    Objects.requireNonNull(store, "store is null");
    Objects.requireNonNull(options, "options is null");
    Objects.requireNonNull(created, "created is null");
    Objects.requireNonNull(executor, "executor is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /** A context whose file names carry no tag. */
  public WriteContext(
      ObjectStore store,
      ParquetWriteOptions options,
      long targetFileSize,
      Consumer<Location> created,
      Executor executor,
      int threads) {
    this(store, options, targetFileSize, created, executor, threads, null);
  }
}
