package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.Transaction;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code create-table TABLE --schema "..."}: a new table from DuckDB column definitions. */
@Command(name = "create-table", description = "Create a table; prints the new snapshot id")
final class CreateTableCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin CommitOptionsMixin commit;

  @Parameters(paramLabel = "TABLE", description = "schema.table or table (schema main)")
  String table;

  @Option(
      names = "--schema",
      required = true,
      paramLabel = "COLUMNS",
      description =
          "Column definitions, e.g. \"id BIGINT NOT NULL, amount DECIMAL(12,2) DEFAULT 0\"")
  String schema;

  @Option(
      names = "--partition-by",
      paramLabel = "EXPRS",
      description = "Partition keys, e.g. \"region, year(ts), bucket(8, id)\"")
  String partitionBy;

  @Option(
      names = "--path",
      paramLabel = "DIR",
      description =
          "Where its files go (an absolute directory on the lake's storage; default: its schema's"
              + " directory + TABLE/)")
  String path;

  @Override
  public Integer call() {
    List<LakeColumn> columns = ColumnDefinitions.parse(schema);
    try (Lake lake = main.lakeOptions.open();
        Transaction tx = commit.apply(lake.begin())) {
      tx.createTable(
          table,
          columns,
          partitionBy == null ? List.of() : PartitionField.parseAll(partitionBy),
          path);
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }
}
