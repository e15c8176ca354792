package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drop-schema NAME [--cascade]}: drops a schema; prints the new snapshot id. */
@Command(
    name = "drop-schema",
    description =
        "Drop a schema (with --cascade also its tables and views); prints the new snapshot id")
final class DropSchemaCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin CommitOptionsMixin commit;

  @Parameters(paramLabel = "NAME", description = "The schema's name")
  String name;

  @Option(names = "--cascade", description = "Drop its tables and views too")
  boolean cascade;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open();
        Transaction tx = commit.apply(lake.begin())) {
      tx.dropSchema(name, cascade);
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }
}
