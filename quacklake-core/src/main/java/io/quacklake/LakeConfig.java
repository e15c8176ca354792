package io.quacklake;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.catalog.CatalogLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a lake is and how to open it, as read from a properties file whose keys are the CLI's
 * global options without dashes: {@code catalog} (required), {@code data-path}, {@code
 * metadata-schema}, {@code read-threads}, {@code batch-size}, {@code max-retries}, {@code
 * retry-wait-millis}, {@code allow-driver-classes} ({@code true}/{@code false}), and object-store
 * settings ({@code s3.endpoint}, {@code s3.region}, {@code s3.path-style}, {@code
 * s3.access-key-id}, {@code s3.secret-access-key}, {@code azure.connection-string}, {@code
 * azure.account-name}, {@code azure.account-key}, {@code azure.sas-token}, {@code azure.endpoint},
 * {@code gcs.*}). Keep passwords out of the file with {@code PGPASSWORD} / {@code MYSQL_PWD}, or
 * protect the file: {@link #toString()} never shows them.
 *
 * @param catalog the catalog location (forms in {@code docs/cli.md})
 * @param options how to open it
 */
public record LakeConfig(String catalog, LakeOptions options) {
  private static final Set<String> KEYS =
      Set.of(
          "catalog",
          "data-path",
          "metadata-schema",
          "read-threads",
          "batch-size",
          "max-retries",
          "retry-wait-millis",
          "allow-driver-classes");

  public LakeConfig {
    if (catalog == null || catalog.isBlank()) {
      throw QuacklakeException.invalid("a lake configuration needs a catalog location");
    }
    options = options == null ? LakeOptions.defaults() : options;
  }

  /**
   * Reads a properties file.
   *
   * @throws QuacklakeException NOT_FOUND for a missing file, INVALID_ARGUMENT for an unknown key, a
   *     bad number or no {@code catalog}
   */
  public static LakeConfig load(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      throw QuacklakeException.notFound("configuration file %s does not exist", file);
    } catch (IOException e) {
      throw QuacklakeException.invalid("cannot read configuration file %s: %s", file, e);
    }
    Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
    unknown.removeAll(KEYS);
    unknown.removeIf(LakeConfig::isStorageKey);
    if (!unknown.isEmpty()) {
      throw QuacklakeException.invalid(
          "configuration file %s has unknown keys %s; the keys are %s, s3.*, azure.* and gcs.*",
          file, unknown, new TreeSet<>(KEYS));
    }
    if (p.getProperty("catalog") == null) {
      throw QuacklakeException.invalid("configuration file %s has no 'catalog' key", file);
    }
    LakeOptions o = LakeOptions.defaults();
    o = o.withDataPath(p.getProperty("data-path"));
    o = o.withMetadataSchema(p.getProperty("metadata-schema"));
    o = o.withReadThreads(number(p, file, "read-threads", o.readThreads()));
    o = o.withBatchSize(number(p, file, "batch-size", o.batchSize()));
    o = o.withMaxRetries(number(p, file, "max-retries", o.maxRetries()));
    o = o.withRetryWaitMillis(number(p, file, "retry-wait-millis", (int) o.retryWaitMillis()));
    o = o.withDriverClassKeys(flag(p, file, "allow-driver-classes"));
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      if (isStorageKey(key)) {
        o = o.withStorageSetting(key, p.getProperty(key).trim());
      }
    }
    String catalog = p.getProperty("catalog").trim();
    CatalogLocation.parse(catalog);
    return new LakeConfig(catalog, o);
  }

  /** An object-store setting, passed to the stores as it is. */
  private static boolean isStorageKey(String key) {
    return key.startsWith("s3.") || key.startsWith("azure.") || key.startsWith("gcs.");
  }

  private static int number(Properties p, Path file, String key, int fallback) {
    String v = p.getProperty(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw QuacklakeException.invalid(
          "configuration file %s: %s must be a whole number, got '%s'", file, key, v);
    }
  }

  private static boolean flag(Properties p, Path file, String key) {
    String v = p.getProperty(key, "false").trim();
    if (!v.equals("true") && !v.equals("false")) {
      throw QuacklakeException.invalid(
          "configuration file %s: %s must be true or false, got '%s'", file, key, v);
    }
    return Boolean.parseBoolean(v);
  }

  /** Opens the lake. */
  public Lake open() {
    return Lake.open(catalog, options);
  }

  @Override
  public String toString() {
    return "LakeConfig[catalog="
        + CatalogLocation.parse(catalog).withMetadataSchema(options.metadataSchema())
        + ", options="
        + options
        + "]";
  }
}
