package io.quacklake.cli;

import io.quacklake.CatalogFileFormat;
import io.quacklake.CatalogGarbageReport;
import io.quacklake.CatalogVersion;
import io.quacklake.CatalogVersions;
import io.quacklake.Lake;
import io.quacklake.exceptions.QuacklakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code catalog}: the versions of an object-store catalog ({@code s3://}, {@code file://}). */
@Command(
    name = "catalog",
    description = "Versions of an object-store catalog: versions, restore N, gc, export FILE",
    subcommands = {
      CatalogCommand.Versions.class,
      CatalogCommand.Restore.class,
      CatalogCommand.Gc.class,
      CatalogCommand.Export.class
    })
final class CatalogCommand implements Runnable {
  @ParentCommand Main main;

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.err);
  }

  @Command(name = "versions", description = "List the stored catalog versions")
  static final class Versions implements Callable<Integer> {
    @ParentCommand CatalogCommand parent;

    @Option(names = "--format", description = "table, csv or json")
    OutputFormat format;

    @Override
    public Integer call() {
      try (Lake lake = parent.main.lakeOptions.open()) {
        TextRows rows =
            new TextRows(List.of("version", "snapshot_id", "created", "file_size", "blocks"));
        for (CatalogVersion m : lake.catalogVersions().history()) {
          rows.add(
              Long.toString(m.version()),
              Long.toString(m.snapshotId()),
              SnapshotsCommand.TIME.format(m.created()),
              Long.toString(m.fileSize()),
              Integer.toString(m.blocks().size()));
        }
        rows.write(Terminal.format(format), System.out);
      }
      return 0;
    }
  }

  @Command(
      name = "restore",
      description =
          "Publish the content of version N as the newest version (later snapshots disappear)")
  static final class Restore implements Callable<Integer> {
    @ParentCommand CatalogCommand parent;

    @Parameters(paramLabel = "N", description = "the version to restore")
    long version;

    @Override
    public Integer call() {
      try (Lake lake = parent.main.lakeOptions.open()) {
        CatalogVersion m = lake.catalogVersions().restore(version);
        System.out.println(m.version());
      }
      return 0;
    }
  }

  @Command(
      name = "gc",
      description =
          "Delete versions older than --retention (never the newest) and unreferenced blocks older"
              + " than --grace")
  static final class Gc implements Callable<Integer> {
    @ParentCommand CatalogCommand parent;

    @Option(
        names = "--retention",
        converter = DurationArgument.class,
        description = "keep versions younger than this, e.g. '7 days' (the default)")
    Duration retention = Duration.ofDays(7);

    @Option(
        names = "--grace",
        converter = DurationArgument.class,
        description = "keep unreferenced blocks younger than this, e.g. '1 hour' (the default)")
    Duration grace = Duration.ofHours(1);

    @Override
    public Integer call() {
      try (Lake lake = parent.main.lakeOptions.open()) {
        CatalogVersions versions = lake.catalogVersions();
        CatalogGarbageReport r = versions.collectGarbage(retention, grace, Instant.now());
        System.out.printf(
            "deleted %d versions and %d blocks (%d bytes); kept %d versions and %d blocks%n",
            r.versionsDeleted(),
            r.blocksDeleted(),
            r.bytesFreed(),
            r.versionsKept(),
            r.blocksKept());
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      description =
          "Write the current version as a catalog file DuckDB attaches: SQLite (ATTACH"
              + " 'ducklake:sqlite:FILE') or DuckDB (ATTACH 'ducklake:FILE', readable by DuckDB"
              + " 1.5 and later)")
  static final class Export implements Callable<Integer> {
    @ParentCommand CatalogCommand parent;

    @Parameters(paramLabel = "FILE", description = "the catalog file to create")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "sqlite (default) or duckdb")
    String format = "sqlite";

    @Override
    public Integer call() {
      CatalogFileFormat chosen =
          switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "sqlite" -> CatalogFileFormat.SQLITE;
            case "duckdb" -> CatalogFileFormat.DUCKDB;
            default ->
                throw QuacklakeException.invalid(
                    "--format must be sqlite or duckdb, not '%s'", format);
          };
      try (Lake lake = parent.main.lakeOptions.open()) {
        lake.catalogVersions().export(file, chosen);
        System.out.println(file);
      }
      return 0;
    }
  }
}
