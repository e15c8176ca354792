package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Maintenance;
import io.quacklake.exceptions.QuacklakeException;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code cleanup-old-files [--older-than TIME|DURATION] [--all] [--dry-run]}. */
@Command(
    name = "cleanup-old-files",
    description =
        "Delete the files that expired snapshots and maintenance retired, once scheduled longer"
            + " ago than --older-than (default: the lake's delete_older_than, 2 days) or all of"
            + " them with --all; prints their paths, one a line",
    footer = "Example: quacklake cleanup-old-files --older-than '1 hour' --dry-run")
final class CleanupOldFilesCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin HelpOptionMixin help;

  @Mixin OlderThanMixin olderThan;

  @Option(names = "--all", description = "Every file scheduled for deletion, however recent")
  boolean all;

  @Option(names = "--dry-run", description = "Print what would be deleted; delete nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    if (all && olderThan.given()) {
      throw QuacklakeException.invalid(
          "--all and --older-than both choose which files to delete; give only one of them");
    }
    Instant cutoff = olderThan.given() ? olderThan.cutoff(Instant.now()) : null;
    try (Lake lake = main.lakeOptions.open();
        MaintenanceProgressLine progress =
            new MaintenanceProgressLine(Progress.wanted(main.quiet))) {
      Maintenance maintenance = lake.maintenance().withProgress(progress);
      MaintenanceOutput.lines(
          cutoff != null
              ? maintenance.cleanupOldFiles(cutoff, dryRun)
              : maintenance.cleanupOldFiles(all, dryRun));
    }
    return 0;
  }
}
