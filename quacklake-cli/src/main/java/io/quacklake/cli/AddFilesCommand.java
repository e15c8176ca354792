package io.quacklake.cli;

import io.quacklake.AddFilesOptions;
import io.quacklake.Lake;
import io.quacklake.Transaction;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code add-files TABLE FILE... [--allow-missing] [--ignore-extra-columns]}: DuckDB's {@code
 * ducklake_add_data_files}, in one snapshot.
 */
@Command(
    name = "add-files",
    description =
        "Register existing Parquet files in TABLE without copying them (columns matched by name,"
            + " key=value directories fill columns the files lack); prints the new snapshot id",
    footer = "Example: quacklake add-files main.events /data/events/day=2025-01-01/part-0.parquet")
final class AddFilesCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin CommitOptionsMixin commit;

  @Mixin HelpOptionMixin help;

  @Parameters(index = "0", paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Parquet files")
  List<String> files;

  @Option(
      names = "--allow-missing",
      description = "Read table columns a file does not hold as NULL (else the file is refused)")
  boolean allowMissing;

  @Option(
      names = "--ignore-extra-columns",
      description = "Ignore file columns the table does not have (else the file is refused)")
  boolean ignoreExtraColumns;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open();
        Transaction tx = commit.apply(lake.begin())) {
      tx.addDataFiles(table, files, new AddFilesOptions(allowMissing, ignoreExtraColumns));
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }
}
