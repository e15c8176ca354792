package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code delete TABLE --where EXPR}: removes the matching rows in one snapshot. */
@Command(name = "delete", description = "Delete rows matching --where; prints the new snapshot id")
final class DeleteCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin CommitOptionsMixin commit;

  @Parameters(paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Option(
      names = "--where",
      required = true,
      paramLabel = "EXPR",
      description = "Rows to delete, e.g. \"region = 'EU' AND amount > 100\"")
  String where;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open();
        Transaction tx = commit.apply(lake.begin())) {
      tx.delete(table, where);
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }
}
