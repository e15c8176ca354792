package io.quacklake;

import io.quacklake.catalog.CatalogLocation;
import io.quacklake.storage.StorageSettings;
import io.quacklake.txn.RetryPolicy;
import java.time.Duration;

/**
 * How to open a lake.
 *
 * @param dataPath overrides the catalog's stored data path (a moved lake), or null
 * @param readThreads threads that read data files in parallel during scans, and that shred a data
 *     file's columns while it is written (≥ 1)
 * @param batchSize rows per Arrow batch produced by scans
 * @param maxRetries how often a commit retries after another writer took the next snapshot id
 * @param retryWaitMillis the first wait before a retry; later waits grow by 1.5× with jitter
 * @param metadataSchema the database schema holding the catalog tables (PostgreSQL), or null
 * @param storage settings for object stores (S3 endpoint, region, keys); environment variables fill
 *     in what is not set
 * @param driverClassKeys whether the catalog location may set JDBC driver keys that make the driver
 *     load a class ({@code socketFactory}, {@code sslfactory}, ...); off by default, as whoever
 *     writes the location would run code in this process
 * @param inlineByteLimit at most this many bytes of values are inlined into the catalog per commit
 *     (default 1 MiB); rows beyond it go to a Parquet file, as rows beyond the catalog's {@code
 *     data_inlining_row_limit} do
 */
public record LakeOptions(
    String dataPath,
    int readThreads,
    int batchSize,
    int maxRetries,
    long retryWaitMillis,
    String metadataSchema,
    StorageSettings storage,
    boolean driverClassKeys,
    long inlineByteLimit) {
  /** The default {@link #inlineByteLimit}: 1 MiB. */
  public static final long DEFAULT_INLINE_BYTE_LIMIT = 1 << 20;

  public LakeOptions {
    storage = storage == null ? StorageSettings.NONE : storage;
    if (readThreads < 1) {
      throw QuacklakeException.invalid("readThreads must be at least 1, got %d", readThreads);
    }
    if (batchSize < 1) {
      throw QuacklakeException.invalid("batchSize must be at least 1, got %d", batchSize);
    }
    if (maxRetries < 0 || retryWaitMillis < 0) {
      throw QuacklakeException.invalid(
          "maxRetries and retryWaitMillis must not be negative, got %d and %d",
          maxRetries, retryWaitMillis);
    }
    if (inlineByteLimit < 0) {
      throw QuacklakeException.invalid(
          "inlineByteLimit must not be negative, got %d", inlineByteLimit);
    }
  }

  public static LakeOptions defaults() {
    return new LakeOptions(
        null,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        8192,
        10,
        100,
        null,
        StorageSettings.NONE,
        false,
        DEFAULT_INLINE_BYTE_LIMIT);
  }

  /** The defaults with the data path overridden. */
  public static LakeOptions dataPath(String dataPath) {
    return defaults().withDataPath(dataPath);
  }

  public LakeOptions withDataPath(String path) {
    return new LakeOptions(
        path,
        readThreads,
        batchSize,
        maxRetries,
        retryWaitMillis,
        metadataSchema,
        storage,
        driverClassKeys,
        inlineByteLimit);
  }

  public LakeOptions withReadThreads(int threads) {
    return new LakeOptions(
        dataPath,
        threads,
        batchSize,
        maxRetries,
        retryWaitMillis,
        metadataSchema,
        storage,
        driverClassKeys,
        inlineByteLimit);
  }

  public LakeOptions withBatchSize(int rows) {
    return new LakeOptions(
        dataPath,
        readThreads,
        rows,
        maxRetries,
        retryWaitMillis,
        metadataSchema,
        storage,
        driverClassKeys,
        inlineByteLimit);
  }

  public LakeOptions withMaxRetries(int retries) {
    return new LakeOptions(
        dataPath,
        readThreads,
        batchSize,
        retries,
        retryWaitMillis,
        metadataSchema,
        storage,
        driverClassKeys,
        inlineByteLimit);
  }

  public LakeOptions withRetryWaitMillis(long millis) {
    return new LakeOptions(
        dataPath,
        readThreads,
        batchSize,
        maxRetries,
        millis,
        metadataSchema,
        storage,
        driverClassKeys,
        inlineByteLimit);
  }

  /** The defaults with the catalog tables in another database schema (PostgreSQL). */
  public LakeOptions withMetadataSchema(String schema) {
    return new LakeOptions(
        dataPath,
        readThreads,
        batchSize,
        maxRetries,
        retryWaitMillis,
        schema,
        storage,
        driverClassKeys,
        inlineByteLimit);
  }

  /** These options with one object-store setting (e.g. {@code s3.endpoint}) set. */
  public LakeOptions withStorageSetting(String key, String value) {
    return new LakeOptions(
        dataPath,
        readThreads,
        batchSize,
        maxRetries,
        retryWaitMillis,
        metadataSchema,
        storage.with(key, value),
        driverClassKeys,
        inlineByteLimit);
  }

  /** These options allowing or refusing driver class keys in the catalog location. */
  public LakeOptions withDriverClassKeys(boolean allowed) {
    return new LakeOptions(
        dataPath,
        readThreads,
        batchSize,
        maxRetries,
        retryWaitMillis,
        metadataSchema,
        storage,
        allowed,
        inlineByteLimit);
  }

  /** These options with at most {@code bytes} bytes of values inlined per commit (0: none). */
  public LakeOptions withInlineByteLimit(long bytes) {
    return new LakeOptions(
        dataPath,
        readThreads,
        batchSize,
        maxRetries,
        retryWaitMillis,
        metadataSchema,
        storage,
        driverClassKeys,
        bytes);
  }

  /** The catalog location {@code text} names, opened as these options say. */
  CatalogLocation catalogLocation(String text) {
    return CatalogLocation.parse(text)
        .withMetadataSchema(metadataSchema)
        .withDriverClassKeys(driverClassKeys);
  }

  RetryPolicy retryPolicy() {
    return new RetryPolicy(maxRetries, Duration.ofMillis(retryWaitMillis), 1.5);
  }
}
