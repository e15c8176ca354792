package io.quacklake.cli;

import io.quacklake.Lake;
import io.quacklake.PartitionField;
import io.quacklake.Table;
import io.quacklake.types.LakeColumn;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code describe TABLE}: columns, types, nullability, defaults and partitioning. */
@Command(name = "describe", description = "Describe a table's columns and partitioning")
final class DescribeCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(paramLabel = "TABLE", description = "schema.table or table (schema main)")
  String table;

  @Option(names = "--as-of", paramLabel = "SNAPSHOT", description = "Snapshot id or timestamp")
  String asOf;

  @Option(names = "--format", description = "table, csv or json")
  OutputFormat format;

  @Override
  public Integer call() {
    try (Lake lake = main.lakeOptions.open()) {
      long snapshot =
          asOf == null ? lake.currentSnapshot().id() : SnapshotArgument.parse(asOf).resolve(lake);
      Table t = lake.table(table);
      List<PartitionField> partitioning = t.partitioning(snapshot);
      TextRows rows =
          new TextRows(
              List.of(
                  "column",
                  "type",
                  "sql_type",
                  "nullable",
                  "default",
                  "partition",
                  "comment",
                  "sort"));
      java.util.Map<String, String> comments = t.columnComments();
      List<io.quacklake.SortField> sort = t.sortedBy(snapshot);
      for (LakeColumn c : t.columns(snapshot)) {
        String keys =
            partitioning.stream()
                .filter(p -> p.column().equals(c.name()))
                .map(PartitionField::toString)
                .collect(Collectors.joining(", "));
        rows.add(
            c.name(),
            typeName(c),
            c.sqlTypeName(),
            c.nullable() ? "YES" : "NO",
            c.defaultValue(),
            keys.isEmpty() ? null : keys,
            comments.get(c.name()),
            sortKey(sort, c));
      }
      rows.write(Terminal.format(format), System.out);
    }
    return 0;
  }

  /** Where a column is a sort key: its 1-based position and order, e.g. {@code 1 DESC}. */
  private static String sortKey(List<io.quacklake.SortField> sort, LakeColumn c) {
    for (int i = 0; i < sort.size(); i++) {
      io.quacklake.SortField k = sort.get(i);
      String e = k.expression();
      if (e.equalsIgnoreCase(c.name()) || e.equals("\"" + c.name().replace("\"", "\"\"") + "\"")) {
        return (i + 1)
            + (k.descending() ? " DESC" : " ASC")
            + (k.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
      }
    }
    return null;
  }

  /** The DuckLake type with nested structure, e.g. {@code struct(a int32, b varchar)}. */
  private static String typeName(LakeColumn c) {
    return switch (c.type().id()) {
      case STRUCT ->
          c.children().stream()
              .map(f -> f.name() + " " + typeName(f))
              .collect(Collectors.joining(", ", "struct(", ")"));
      case LIST -> "list(" + typeName(c.children().get(0)) + ")";
      case MAP ->
          "map(" + typeName(c.children().get(0)) + ", " + typeName(c.children().get(1)) + ")";
      default -> c.type().ducklakeName();
    };
  }
}
