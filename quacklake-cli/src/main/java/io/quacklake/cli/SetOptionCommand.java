package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.TableName;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code set-option NAME VALUE [--schema S] [--table T]}: sets a DuckLake option of the lake, a
 * schema or a table, as {@code ducklake_set_option}; prints the value set.
 */
@Command(
    name = "set-option",
    description =
        "Set a DuckLake option of the lake, a schema or a table (ducklake_set_option), e.g."
            + " target_file_size")
final class SetOptionCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "NAME", description = "The option's name")
  String name;

  @Parameters(index = "1", paramLabel = "VALUE", description = "Its value")
  String value;

  @Option(
      names = "--schema",
      paramLabel = "S",
      description = "Scope: this schema (with --table: the table's schema)")
  String schema;

  @Option(
      names = "--table",
      paramLabel = "T",
      description = "Scope: this table (schema.table, or table in --schema or main)")
  String table;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open()) {
      if (table != null) {
        String qualified =
            schema == null
                ? table
                : new TableName(schema, TableName.parse(table).table()).toString();
        lake.setTableOption(qualified, name, value);
      } else if (schema != null) {
        lake.setSchemaOption(schema, name, value);
      } else {
        lake.setOption(name, value);
      }
      String scope = table != null ? "TABLE" : schema != null ? "SCHEMA" : "GLOBAL";
      System.out.println(
          lake.options().stream()
              .filter(o -> o.name().equals(name) && o.scope().name().equals(scope))
              .map(io.quacklake.LakeOption::value)
              .reduce((a, b) -> b)
              .orElse(value));
    }
    return 0;
  }
}
