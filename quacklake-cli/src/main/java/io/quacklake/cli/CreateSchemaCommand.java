package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.Transaction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code create-schema NAME [--path DIR]}: a new schema; prints the new snapshot id. */
@Command(name = "create-schema", description = "Create a schema; prints the new snapshot id")
final class CreateSchemaCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin CommitOptionsMixin commit;

  @Parameters(paramLabel = "NAME", description = "The schema's name")
  String name;

  @Option(
      names = "--path",
      paramLabel = "DIR",
      description =
          "Where its tables keep their files (an absolute directory on the lake's storage;"
              + " default: <data path>/NAME/)")
  String path;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open();
        Transaction tx = commit.apply(lake.begin())) {
      tx.createSchema(name, path);
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }
}
