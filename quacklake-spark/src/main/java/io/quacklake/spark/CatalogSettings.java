package io.quacklake.spark;

import io.quacklake.LakeOptions;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.storage.StorageSettings;
import java.util.Locale;
import java.util.Map;

/**
 * A Spark catalog's options ({@code spark.sql.catalog.NAME.KEY}) as Quacklake settings: {@code
 * catalog} (the catalog location, required), {@code data-path}, {@code metadata-schema}, {@code
 * read-threads}, {@code split-size} (bytes; larger data files are read by several tasks, whole row
 * groups each; 128 MiB by default), and every {@code s3.*} key as a storage setting for the driver
 * and the executors.
 *
 * @param catalog the catalog location
 * @param options how to open the lake
 * @param storage the storage settings executors use
 * @param splitSize bytes per input partition of a large file
 */
record CatalogSettings(
    String catalog, LakeOptions options, StorageSettings storage, long splitSize) {
  static final long DEFAULT_SPLIT_SIZE = 128L << 20;

  static CatalogSettings of(String name, Map<String, String> values) {
    String catalog = null;
    LakeOptions options = LakeOptions.defaults();
    StorageSettings storage = StorageSettings.NONE;
    long splitSize = DEFAULT_SPLIT_SIZE;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      String value = e.getValue();
      switch (key) {
        case "catalog" -> catalog = value;
        case "data-path" -> options = options.withDataPath(value);
        case "metadata-schema" -> options = options.withMetadataSchema(value);
        case "read-threads" -> options = options.withReadThreads(Integer.parseInt(value));
        case "split-size" -> splitSize = Long.parseLong(value.trim());
        default -> {
          if (key.startsWith("s3.")) {
            options = options.withStorageSetting(key, value);
            storage = storage.with(key, value);
          }
        }
      }
    }
    if (catalog == null || catalog.isBlank()) {
      throw QuacklakeException.invalid(
          "Spark catalog %s needs spark.sql.catalog.%s.catalog, the DuckLake catalog location"
              + " (e.g. postgres:dbname=lake host=127.0.0.1, sqlite:/path/lake.sqlite,"
              + " s3://bucket/lake)",
          name, name);
    }
    return new CatalogSettings(catalog, options, storage, splitSize);
  }
}
