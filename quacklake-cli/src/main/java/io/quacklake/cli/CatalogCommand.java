package io.quacklake.cli;

import io.quacklake.CatalogGarbageReport;
import io.quacklake.CatalogVersion;
import io.quacklake.CatalogVersions;
import io.quacklake.Lake;
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
          "Write the current version as a plain SQLite file (ATTACH 'ducklake:sqlite:FILE' in"
              + " DuckDB)")
  static final class Export implements Callable<Integer> {
    @ParentCommand CatalogCommand parent;

    @Parameters(paramLabel = "FILE", description = "the SQLite file to create")
    Path file;

    @Override
    public Integer call() {
      try (Lake lake = parent.main.lakeOptions.open()) {
        lake.catalogVersions().export(file);
        System.out.println(file);
      }
      return 0;
    }
  }
}
