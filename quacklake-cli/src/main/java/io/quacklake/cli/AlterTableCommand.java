package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.SortField;
import io.quacklake.TableName;
import io.quacklake.Transaction;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code alter-table TABLE ACTION ARGS}: renames, column changes, partitioning, comments and the
 * sort order, each committed as one snapshot.
 */
@Command(
    name = "alter-table",
    description = {
      "Change a table (add, drop, rename columns, retype, repartition); prints the new snapshot id",
      "Actions:",
      "  add-column \"name TYPE [DEFAULT literal]\" | drop-column NAME | rename-column OLD NEW",
      "  rename NEW_NAME | set-type COL TYPE | set-partitioned-by \"expr, ...\"",
      "  set-comment TEXT | set-column-comment COL TEXT",
      "  set-sorted-by \"expr [ASC|DESC] [NULLS FIRST|LAST], ...\" | reset-sorted-by"
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
          "set-partitioned-by", List.of("\"expr, ...\""),
          "set-comment", List.of("TEXT"),
          "set-column-comment", List.of("COL", "TEXT"),
          "set-sorted-by", List.of("\"expr [ASC|DESC] [NULLS FIRST|LAST], ...\""),
          "reset-sorted-by", List.of());

  @ParentCommand Main main;

  @Mixin CommitOptionsMixin commit;

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
    TableName from = TableName.parse(table);
    try (Lake lake = main.lakeOptions.open();
        Transaction tx = commit.apply(lake.begin())) {
      String name = from.toString();
      switch (action) {
        case "rename" -> tx.renameTable(name, newName(from, args.get(0)));
        case "add-column" -> addColumn(tx, name, args.get(0));
        case "drop-column" -> tx.dropField(name, args.get(0));
        case "rename-column" -> tx.renameField(name, args.get(0), unquote(args.get(1)));
        case "set-partitioned-by" -> tx.setPartitioning(name, PartitionField.parseAll(args.get(0)));
        case "set-comment" -> tx.setComment(name, args.get(0).isEmpty() ? null : args.get(0));
        case "set-column-comment" ->
            tx.setColumnComment(
                name, unquote(args.get(0)), args.get(1).isEmpty() ? null : args.get(1));
        case "set-sorted-by" -> tx.setSortedBy(name, SortField.parseAll(args.get(0)));
        case "reset-sorted-by" -> tx.setSortedBy(name, List.of());
        case "set-type" ->
            tx.setColumnType(name, unquote(args.get(0)), single("x " + args.get(1)).type());
        default -> throw new IllegalStateException(action);
      }
      WrittenSnapshot.print(tx.commit());
    }
    return 0;
  }

  /**
   * {@code add-column "name TYPE ..."}, or with a dotted name ({@code "s.f TYPE"}, {@code
   * "l.element.f TYPE"}) a field added to a struct, as DuckDB's {@code ADD COLUMN s.f TYPE}.
   */
  private static void addColumn(Transaction tx, String table, String definition) {
    String trimmed = definition.trim();
    int nameEnd = nameEnd(trimmed);
    String name = trimmed.substring(0, nameEnd);
    String last = lastPart(name);
    if (last.length() == name.length()) {
      tx.addColumn(table, single(definition));
      return;
    }
    String field = unquote(last);
    String parent = name.substring(0, name.length() - last.length() - 1);
    tx.addField(
        table,
        parent,
        single("\"" + field.replace("\"", "\"\"") + "\"" + trimmed.substring(nameEnd)));
  }

  /** The end of the leading (possibly dotted and quoted) name. */
  private static int nameEnd(String text) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (!quoted && Character.isWhitespace(ch)) {
        return i;
      }
    }
    return text.length();
  }

  /** The text of the last dotted part of a name, as written. */
  private static String lastPart(String name) {
    boolean quoted = false;
    for (int i = name.length() - 1; i >= 0; i--) {
      char ch = name.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == '.' && !quoted) {
        return name.substring(i + 1);
      }
    }
    return name;
  }

  /** One column definition ({@code name TYPE [NOT NULL] [DEFAULT literal]}). */
  private static LakeColumn single(String definition) {
    List<LakeColumn> columns = ColumnDefinitions.parse(definition);
    if (columns.size() != 1) {
      throw QuacklakeException.invalid(
          "expected one column definition like \"name TYPE [DEFAULT literal]\", got '%s'",
          definition);
    }
    LakeColumn c = columns.get(0);
    if (c.type().id().isNested() && c.defaultValue() != null) {
      throw QuacklakeException.unsupported("defaults on nested columns are not supported");
    }
    return new LakeColumn(
        c.id(), c.name(), c.type(), c.nullable(), c.defaultValue(), c.defaultValue(), c.children());
  }

  private static String unquote(String name) {
    String n = name.trim();
    return n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")
        ? n.substring(1, n.length() - 1).replace("\"\"", "\"")
        : n;
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
