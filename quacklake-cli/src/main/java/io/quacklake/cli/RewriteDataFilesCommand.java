package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.exceptions.QuacklakeException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code rewrite-data-files [TABLE] [--delete-threshold 0.95]}. */
@Command(
    name = "rewrite-data-files",
    description =
        "Rewrite data files whose deleted fraction reaches the threshold, without the deleted"
            + " rows (all tables, or TABLE); prints the snapshot id the lake is at afterwards",
    footer = "Example: quacklake rewrite-data-files main.orders --delete-threshold 0.5")
final class RewriteDataFilesCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin HelpOptionMixin help;

  @Parameters(arity = "0..1", paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Option(
      names = "--delete-threshold",
      paramLabel = "FRACTION",
      description =
          "Deleted fraction (0 to 1) at which a file is rewritten (default: the lake's"
              + " rewrite_delete_threshold, 0.95)")
  Double deleteThreshold;

  @Override
  public Integer call() {
    if (deleteThreshold != null && !(deleteThreshold >= 0 && deleteThreshold <= 1)) {
      throw QuacklakeException.invalid(
          "--delete-threshold must be between 0 and 1, got %s; give e.g. 0.95", deleteThreshold);
    }
    try (Lake lake = main.lakeOptions.open();
        MaintenanceProgressLine progress =
            new MaintenanceProgressLine(Progress.wanted(main.quiet))) {
      MaintenanceOutput.snapshot(
          lake.maintenance().withProgress(progress).rewriteDataFiles(table, deleteThreshold), lake);
    }
    return 0;
  }
}
