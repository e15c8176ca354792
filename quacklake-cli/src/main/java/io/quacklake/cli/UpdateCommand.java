package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code update TABLE --set "col = VALUE, ..." --where EXPR}: prints the new snapshot id. */
@Command(
    name = "update",
    description = "Set columns of the rows matching --where (all rows without it)")
final class UpdateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Option(
      names = "--set",
      required = true,
      paramLabel = "ASSIGNMENTS",
      description =
          "\"col = VALUE[, col2 = VALUE]\": a literal or an expression of the row (price * 1.1)")
  String set;

  @Option(names = "--where", paramLabel = "EXPR", description = "Rows to update")
  String where;

  @ParentCommand Main main;

  @Mixin CommitOptionsMixin commit;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open();
        Transaction tx = commit.apply(lake.begin())) {
      Map<String, Object> values = SetClause.parse(set, lake.table(table).columns());
      tx.update(table, values, where == null ? "true" : where);
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }
}
