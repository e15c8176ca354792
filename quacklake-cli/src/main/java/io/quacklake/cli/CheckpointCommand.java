package io.quacklake.cli;

import io.quacklake.Lake;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code checkpoint}: DuckDB's {@code CHECKPOINT} on a DuckLake. */
@Command(
    name = "checkpoint",
    description =
        "Flush inlined data, expire snapshots, merge adjacent files, rewrite files with deletes,"
            + " clean up old and orphaned files, in DuckDB's order and with the lake's options;"
            + " prints the snapshot id the lake is at afterwards",
    footer = "Example: quacklake checkpoint")
final class CheckpointCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin HelpOptionMixin help;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open();
        MaintenanceProgressLine progress =
            new MaintenanceProgressLine(Progress.wanted(main.quiet))) {
      lake.maintenance().withProgress(progress).checkpoint();
      WrittenSnapshot.print(lake.currentSnapshot());
    }
    return 0;
  }
}
