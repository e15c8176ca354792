package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.exceptions.QuacklakeException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code merge-adjacent-files [TABLE] [--max-file-size BYTES]}. */
@Command(
    name = "merge-adjacent-files",
    description =
        "Merge small adjacent data files up to the lake's target_file_size (all tables, or"
            + " TABLE); prints the snapshot id the lake is at afterwards",
    footer = "Example: quacklake merge-adjacent-files main.orders --max-file-size 1048576")
final class MergeAdjacentFilesCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin HelpOptionMixin help;

  @Parameters(arity = "0..1", paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Option(
      names = "--max-file-size",
      paramLabel = "BYTES",
      description = "Leave files larger than this alone")
  Long maxFileSize;

  @Override
  public Integer call() {
    if (maxFileSize != null && maxFileSize <= 0) {
      throw QuacklakeException.invalid(
          "--max-file-size must be a positive number of bytes, got %d; give e.g. 1048576 or"
              + " leave it out",
          maxFileSize);
    }
    try (Lake lake = main.lakeOptions.open();
        MaintenanceProgressLine progress =
            new MaintenanceProgressLine(Progress.wanted(main.quiet))) {
      MaintenanceOutput.snapshot(
          lake.maintenance().withProgress(progress).mergeAdjacentFiles(table, maxFileSize), lake);
    }
    return 0;
  }
}
