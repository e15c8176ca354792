package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Maintenance;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code delete-orphaned-files [--older-than TIME|DURATION] [--dry-run]}. */
@Command(
    name = "delete-orphaned-files",
    description =
        "Delete files under the data path that the catalog does not know, last modified before"
            + " --older-than (default: the lake's delete_older_than, 2 days); prints their paths,"
            + " one a line",
    footer = "Example: quacklake delete-orphaned-files --older-than '1 day' --dry-run")
final class DeleteOrphanedFilesCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin HelpOptionMixin help;

  @Mixin OlderThanMixin olderThan;

  @Option(names = "--dry-run", description = "Print what would be deleted; delete nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    Instant cutoff = olderThan.given() ? olderThan.cutoff(Instant.now()) : null;
    try (Lake lake = main.lakeOptions.open();
        MaintenanceProgressLine progress =
            new MaintenanceProgressLine(Progress.wanted(main.quiet))) {
      Maintenance maintenance = lake.maintenance().withProgress(progress);
      MaintenanceOutput.lines(
          cutoff != null
              ? maintenance.deleteOrphanedFiles(cutoff, dryRun)
              : maintenance.deleteOrphanedFiles(dryRun));
    }
    return 0;
  }
}
