package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.LakeConfig;
import io.quacklake.LakeOptions;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The global options of {@code docs/cli.md}; each falls back to its environment variable. */
final class LakeOptionsMixin {
  @Option(
      scope = ScopeType.INHERIT,
      names = "--catalog",
      paramLabel = "LOCATION",
      description =
          "Catalog location (sqlite:PATH, duckdb:PATH, PATH.sqlite, ...); env QUACKLAKE_CATALOG")
  String catalog;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--data-path",
      paramLabel = "PATH",
      description = "Override the stored data path; env QUACKLAKE_DATA_PATH")
  String dataPath;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--metadata-schema",
      paramLabel = "NAME",
      description =
          "Schema holding the catalog tables (server catalogs); env QUACKLAKE_METADATA_SCHEMA")
  String metadataSchema;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file with catalog, data-path, metadata-schema, read-threads, batch-size,"
              + " max-retries, retry-wait-millis and store settings (s3.*, azure.*); options and"
              + " env win; env QUACKLAKE_CONFIG")
  Path config;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--allow-driver-classes",
      description =
          "Let the catalog location set JDBC driver keys that load classes (socketFactory,"
              + " sslfactory, ...); only for a location you trust;"
              + " env QUACKLAKE_ALLOW_DRIVER_CLASSES=true")
  boolean allowDriverClasses;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--verbose",
      description = "Print stack traces with errors")
  boolean verbose;

  String catalog() {
    String value = catalog != null ? catalog : System.getenv("QUACKLAKE_CATALOG");
    if ((value == null || value.isBlank()) && config() != null) {
      value = config().catalog();
    }
    if (value == null || value.isBlank()) {
      throw QuacklakeException.invalid(
          "no catalog given; pass --catalog LOCATION, set QUACKLAKE_CATALOG or use --config FILE");
    }
    return value;
  }

  String dataPath() {
    String value = dataPath != null ? dataPath : System.getenv("QUACKLAKE_DATA_PATH");
    return value != null || config() == null ? value : config().options().dataPath();
  }

  String metadataSchema() {
    String value =
        metadataSchema != null ? metadataSchema : System.getenv("QUACKLAKE_METADATA_SCHEMA");
    return value != null || config() == null ? value : config().options().metadataSchema();
  }

  LakeOptions options() {
    LakeOptions base = config() != null ? config().options() : LakeOptions.defaults();
    boolean driverClasses =
        allowDriverClasses
            || "true".equalsIgnoreCase(System.getenv("QUACKLAKE_ALLOW_DRIVER_CLASSES"))
            || base.driverClassKeys();
    LakeOptions options =
        base.withDataPath(dataPath())
            .withMetadataSchema(metadataSchema())
            .withDriverClassKeys(driverClasses);
    return stats ? options.withMetricsReporter(new StatsPrinter()) : options;
  }

  @Option(
      names = "--stats",
      description = "Print each scan's and commit's report on stderr (files pruned, rows, times)")
  boolean stats;

  private LakeConfig loaded;

  private LakeConfig config() {
    if (loaded == null) {
      Path file = config;
      if (file == null && System.getenv("QUACKLAKE_CONFIG") != null) {
        file = Path.of(System.getenv("QUACKLAKE_CONFIG"));
      }
      loaded = file == null ? null : LakeConfig.load(file);
    }
    return loaded;
  }

  Lake open() {
    return Lake.open(catalog(), options());
  }
}
