package io.quacklake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogLocation;
import io.quacklake.storage.StorageSettings;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to open a lake: an immutable value built from {@link #defaults()} with {@code withX} methods,
 * each returning a copy with one setting changed. New settings may be added in later releases
 * without breaking callers.
 *
 * <pre>{@code
 * LakeOptions options = LakeOptions.defaults().withReadThreads(4).withMaxRetries(20);
 * }</pre>
 */
public final class LakeOptions {
  /** The default {@link #inlineByteLimit()}: 1 MiB. */
  public static final long DEFAULT_INLINE_BYTE_LIMIT = 1 << 20;

  private final String dataPath;
  private final int readThreads;
  private final int batchSize;
  private final int maxRetries;
  private final long retryWaitMillis;
  private final String metadataSchema;
  private final StorageSettings storage;
  private final boolean driverClassKeys;
  private final long inlineByteLimit;
  private final MetricsReporter metricsReporter;

  private LakeOptions(
      String dataPath,
      int readThreads,
      int batchSize,
      int maxRetries,
      long retryWaitMillis,
      String metadataSchema,
      StorageSettings storage,
      boolean driverClassKeys,
      long inlineByteLimit,
      MetricsReporter metricsReporter) {
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
    this.dataPath = dataPath == null || dataPath.isBlank() ? null : dataPath;
    this.readThreads = readThreads;
    this.batchSize = batchSize;
    this.maxRetries = maxRetries;
    this.retryWaitMillis = retryWaitMillis;
    this.metadataSchema = metadataSchema;
    this.storage = storage == null ? StorageSettings.NONE : storage;
    this.driverClassKeys = driverClassKeys;
    this.inlineByteLimit = inlineByteLimit;
    this.metricsReporter = metricsReporter == null ? DEFAULT_REPORTER : metricsReporter;
  }

  private static final MetricsReporter DEFAULT_REPORTER = MetricsReporter.logging();

  /**
   * No data path override, one read thread per processor, 8192 rows per batch, 10 retries starting
   * at 100 ms, the default metadata schema, no storage settings, driver class keys refused, and
   * {@link #DEFAULT_INLINE_BYTE_LIMIT}.
   */
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
        DEFAULT_INLINE_BYTE_LIMIT,
        null);
  }

  /** The defaults with the data path overridden. */
  public static LakeOptions dataPath(String dataPath) {
    return defaults().withDataPath(dataPath);
  }

  /** Overrides the catalog's stored data path (a moved lake), or null to use the stored one. */
  public String dataPath() {
    return dataPath;
  }

  /**
   * Threads that read data files in parallel during scans, and that shred a data file's columns
   * while it is written (≥ 1).
   */
  public int readThreads() {
    return readThreads;
  }

  /** Rows per Arrow batch produced by scans (≥ 1). */
  public int batchSize() {
    return batchSize;
  }

  /** How often a commit retries after another writer took the next snapshot id. */
  public int maxRetries() {
    return maxRetries;
  }

  /** The first wait before a retry; later waits grow by 1.5× with jitter. */
  public long retryWaitMillis() {
    return retryWaitMillis;
  }

  /** The database schema holding the catalog tables (PostgreSQL), or null for the default. */
  public String metadataSchema() {
    return metadataSchema;
  }

  /**
   * Settings for object stores (S3 endpoint, region, keys); environment variables fill in what is
   * not set. Never null.
   */
  public StorageSettings storage() {
    return storage;
  }

  /**
   * Whether the catalog location may set JDBC driver keys that make the driver load a class ({@code
   * socketFactory}, {@code sslfactory}, ...); off by default, as whoever writes the location would
   * run code in this process.
   */
  public boolean driverClassKeys() {
    return driverClassKeys;
  }

  /**
   * At most this many bytes of values are inlined into the catalog per commit (default 1 MiB); rows
   * beyond it go to a Parquet file, as rows beyond the catalog's {@code data_inlining_row_limit}
   * do.
   */
  public long inlineByteLimit() {
    return inlineByteLimit;
  }

  /** Receives a report per scan and per commit; by default they are logged at debug. */
  public MetricsReporter metricsReporter() {
    return metricsReporter;
  }

  /** These options with scan and commit reports going to {@code reporter}. */
  public LakeOptions withMetricsReporter(MetricsReporter reporter) {
    return copy(c -> c.metricsReporter = reporter);
  }

  /** These options with the data path overridden (null or blank: the catalog's stored one). */
  public LakeOptions withDataPath(String path) {
    return copy(c -> c.dataPath = path);
  }

  /** These options with {@code threads} read threads (≥ 1). */
  public LakeOptions withReadThreads(int threads) {
    return copy(c -> c.readThreads = threads);
  }

  /** These options with {@code rows} rows per scan batch (≥ 1). */
  public LakeOptions withBatchSize(int rows) {
    return copy(c -> c.batchSize = rows);
  }

  /** These options with at most {@code retries} commit retries (≥ 0). */
  public LakeOptions withMaxRetries(int retries) {
    return copy(c -> c.maxRetries = retries);
  }

  /** These options with a first retry wait of {@code millis} (≥ 0). */
  public LakeOptions withRetryWaitMillis(long millis) {
    return copy(c -> c.retryWaitMillis = millis);
  }

  /** These options with the catalog tables in another database schema (PostgreSQL). */
  public LakeOptions withMetadataSchema(String schema) {
    return copy(c -> c.metadataSchema = schema);
  }

  /** These options with one object-store setting (e.g. {@code s3.endpoint}) set. */
  public LakeOptions withStorageSetting(String key, String value) {
    return copy(c -> c.storage = storage.with(key, value));
  }

  /** These options allowing or refusing driver class keys in the catalog location. */
  public LakeOptions withDriverClassKeys(boolean allowed) {
    return copy(c -> c.driverClassKeys = allowed);
  }

  /** These options with at most {@code bytes} bytes of values inlined per commit (0: none). */
  public LakeOptions withInlineByteLimit(long bytes) {
    return copy(c -> c.inlineByteLimit = bytes);
  }

  /** A copy of these options with {@code change} applied to its settings (validated again). */
  private LakeOptions copy(Consumer<Settings> change) {
    Settings c = new Settings(this);
    change.accept(c);
    return new LakeOptions(
        c.dataPath,
        c.readThreads,
        c.batchSize,
        c.maxRetries,
        c.retryWaitMillis,
        c.metadataSchema,
        c.storage,
        c.driverClassKeys,
        c.inlineByteLimit,
        c.metricsReporter);
  }

  /** The settings of one instance, changed before a copy is made. */
  private static final class Settings {
    String dataPath;
    int readThreads;
    int batchSize;
    int maxRetries;
    long retryWaitMillis;
    String metadataSchema;
    StorageSettings storage;
    boolean driverClassKeys;
    long inlineByteLimit;
    MetricsReporter metricsReporter;

    Settings(LakeOptions o) {
      dataPath = o.dataPath;
      readThreads = o.readThreads;
      batchSize = o.batchSize;
      maxRetries = o.maxRetries;
      retryWaitMillis = o.retryWaitMillis;
      metadataSchema = o.metadataSchema;
      storage = o.storage;
      driverClassKeys = o.driverClassKeys;
      inlineByteLimit = o.inlineByteLimit;
      metricsReporter = o.metricsReporter;
    }
  }

  /** The catalog location {@code text} names, opened as these options say. */
  CatalogLocation catalogLocation(String text) {
    return CatalogLocation.parse(text)
        .withMetadataSchema(metadataSchema)
        .withDriverClassKeys(driverClassKeys);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LakeOptions other
        && Objects.equals(dataPath, other.dataPath)
        && readThreads == other.readThreads
        && batchSize == other.batchSize
        && maxRetries == other.maxRetries
        && retryWaitMillis == other.retryWaitMillis
        && Objects.equals(metadataSchema, other.metadataSchema)
        && storage.equals(other.storage)
        && driverClassKeys == other.driverClassKeys
        && inlineByteLimit == other.inlineByteLimit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        dataPath,
        readThreads,
        batchSize,
        maxRetries,
        retryWaitMillis,
        metadataSchema,
        storage,
        driverClassKeys,
        inlineByteLimit);
  }

  /** The settings, with storage secrets redacted (see {@link StorageSettings#toString()}). */
  @Override
  public String toString() {
    return "LakeOptions[dataPath="
        + dataPath
        + ", readThreads="
        + readThreads
        + ", batchSize="
        + batchSize
        + ", maxRetries="
        + maxRetries
        + ", retryWaitMillis="
        + retryWaitMillis
        + ", metadataSchema="
        + metadataSchema
        + ", storage="
        + storage
        + ", driverClassKeys="
        + driverClassKeys
        + ", inlineByteLimit="
        + inlineByteLimit
        + "]";
  }
}
