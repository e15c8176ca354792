package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.LakeOptions;
import io.quacklake.QuacklakeException;
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
      names = "--verbose",
      description = "Print stack traces with errors")
  boolean verbose;

  String catalog() {
    String value = catalog != null ? catalog : System.getenv("QUACKLAKE_CATALOG");
    if (value == null || value.isBlank()) {
      throw QuacklakeException.invalid(
          "no catalog given; pass --catalog LOCATION or set QUACKLAKE_CATALOG");
    }
    return value;
  }

  String dataPath() {
    return dataPath != null ? dataPath : System.getenv("QUACKLAKE_DATA_PATH");
  }

  String metadataSchema() {
    return metadataSchema != null ? metadataSchema : System.getenv("QUACKLAKE_METADATA_SCHEMA");
  }

  LakeOptions options() {
    return LakeOptions.defaults().withDataPath(dataPath()).withMetadataSchema(metadataSchema());
  }

  Lake open() {
    return Lake.open(catalog(), options());
  }
}
