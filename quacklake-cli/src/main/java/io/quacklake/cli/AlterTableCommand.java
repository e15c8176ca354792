package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.QuacklakeException;
import io.quacklake.TableName;
import io.quacklake.Transaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code alter-table TABLE ACTION ARGS}: {@code rename NEW_NAME} works; the other actions of {@code
 * docs/cli.md} are recognised and fail as not available yet.
 */
@Command(
    name = "alter-table",
    description = {
      "Change a table; prints the new snapshot id. Actions:",
      "  add-column \"name TYPE [DEFAULT literal]\" | drop-column NAME | rename-column OLD NEW",
      "  rename NEW_NAME | set-type COL TYPE | set-partitioned-by \"expr, ...\""
    })
final class AlterTableCommand implements Callable<Integer> {
  /** Each action and its arguments. */
  private static final Map<String, List<String>> ACTIONS =
      Map.of(
          "add-column", List.of("\"name TYPE [DEFAULT literal]\""),
          "drop-column", List.of("NAME"),
          "rename-column", List.of("OLD", "NEW"),
          "rename", List.of("NEW_NAME"),
          "set-type", List.of("COL", "TYPE"),
          "set-partitioned-by", List.of("\"expr, ...\""));

  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "TABLE", description = "schema.table or table")
  String table;

  @Parameters(index = "1", paramLabel = "ACTION", description = "One of the actions above")
  String action;

  @Parameters(index = "2..*", paramLabel = "ARG", description = "The action's arguments")
  List<String> args = List.of();

  @Override
  public Integer call() {
    List<String> expected = ACTIONS.get(action);
    if (expected == null) {
      throw QuacklakeException.invalid(
          "alter-table: unknown action '%s'; use one of %s", action, ACTIONS.keySet());
    }
    if (args.size() != expected.size()) {
      throw QuacklakeException.invalid(
          "alter-table TABLE %s takes %s, got %d argument(s)",
          action, String.join(" ", expected), args.size());
    }
    if (!action.equals("rename")) {
      throw QuacklakeException.unsupported(
          "alter-table %s is not available yet in this Quacklake release", action);
    }
    TableName from = TableName.parse(table);
    try (Lake lake = main.lakeOptions.open();
        Transaction tx = lake.begin()) {
      tx.renameTable(from.toString(), newName(from, args.get(0)));
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }

  /** The new table name: bare (possibly quoted), or qualified with the table's own schema. */
  private static String newName(TableName from, String text) {
    TableName to;
    try {
      to = TableName.parse("\"" + from.schema().replace("\"", "\"\"") + "\"." + text);
    } catch (QuacklakeException bare) {
      to = TableName.parse(text);
      if (!to.schema().equals(from.schema())) {
        throw QuacklakeException.unsupported(
            "rename keeps %s in schema %s; moving it to schema %s is not available",
            from, from.schema(), to.schema());
      }
    }
    return to.table();
  }
}
