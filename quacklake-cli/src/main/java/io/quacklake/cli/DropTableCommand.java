package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drop-table TABLE}. */
@Command(name = "drop-table", description = "Drop a table; prints the new snapshot id")
final class DropTableCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin CommitOptionsMixin commit;

  @Parameters(paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open();
        Transaction tx = commit.apply(lake.begin())) {
      tx.dropTable(table);
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }
}
