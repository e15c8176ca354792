package io.quacklake;

/**
 * How to open a lake.
 *
 * @param dataPath overrides the catalog's stored data path (a moved lake), or null
 * @param readThreads threads that read data files in parallel during scans (≥ 1)
 * @param batchSize rows per Arrow batch produced by scans
 */
public record LakeOptions(String dataPath, int readThreads, int batchSize) {
  public LakeOptions {
    if (readThreads < 1) {
      throw QuacklakeException.invalid("readThreads must be at least 1, got %d", readThreads);
    }
    if (batchSize < 1) {
      throw QuacklakeException.invalid("batchSize must be at least 1, got %d", batchSize);
    }
  }

  public static LakeOptions defaults() {
    return new LakeOptions(null, Math.max(1, Runtime.getRuntime().availableProcessors()), 8192);
  }

  /** The defaults with the data path overridden. */
  public static LakeOptions dataPath(String dataPath) {
    return defaults().withDataPath(dataPath);
  }

  public LakeOptions withDataPath(String path) {
    return new LakeOptions(path, readThreads, batchSize);
  }

  public LakeOptions withReadThreads(int threads) {
    return new LakeOptions(dataPath, threads, batchSize);
  }

  public LakeOptions withBatchSize(int rows) {
    return new LakeOptions(dataPath, readThreads, rows);
  }
}
