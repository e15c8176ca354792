package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Maintenance;
import io.quacklake.Snapshot;
import io.quacklake.exceptions.QuacklakeException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code expire-snapshots [--older-than TIME|DURATION] [--versions 1,2,...] [--dry-run]}. */
@Command(
    name = "expire-snapshots",
    description =
        "Expire snapshots (never the latest) older than --older-than, those --versions lists, or"
            + " by the lake's expire_older_than option; prints their ids, one a line",
    footer = "Example: quacklake expire-snapshots --older-than '7 days' --dry-run")
final class ExpireSnapshotsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin HelpOptionMixin help;

  @Mixin OlderThanMixin olderThan;

  @Option(
      names = "--versions",
      split = ",",
      paramLabel = "ID",
      description = "Snapshot ids to expire, e.g. 1,2,3")
  List<Long> versions;

  @Option(names = "--dry-run", description = "Print what would be expired; change nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    if (versions != null && olderThan.given()) {
      throw QuacklakeException.invalid(
          "--versions and --older-than select snapshots in two ways; give only one of them");
    }
    Instant cutoff = olderThan.given() ? olderThan.cutoff(Instant.now()) : null;
    try (Lake lake = main.lakeOptions.open()) {
      Maintenance maintenance = lake.maintenance();
      List<Snapshot> expired =
          versions != null
              ? maintenance.expireSnapshots(versions, dryRun)
              : cutoff != null
                  ? maintenance.expireSnapshots(cutoff, dryRun)
                  : maintenance.expireSnapshots(dryRun);
      MaintenanceOutput.snapshotIds(expired);
    }
    return 0;
  }
}
