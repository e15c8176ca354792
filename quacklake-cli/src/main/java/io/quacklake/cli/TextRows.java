package io.quacklake.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text cells (null = NULL) written as an aligned table, CSV (RFC 4180) or JSON lines of
 * strings. Used for listings and for rendered scan results.
 */
final class TextRows {
  private final List<String> header;
  private final List<String[]> rows = new ArrayList<>();

  TextRows(List<String> header) {
    this.header = List.copyOf(header);
  }

  TextRows add(String... cells) {
    rows.add(cells);
    return this;
  }

  void write(OutputFormat format, PrintStream out) {
    switch (format) {
      case csv -> {
        out.println(Csv.line(header.toArray(String[]::new)));
        rows.forEach(r -> out.println(Csv.line(r)));
      }
      case json -> rows.forEach(r -> out.println(JsonLines.ofStrings(header, r)));
      default -> writeAligned(out);
    }
  }

  private void writeAligned(PrintStream out) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], display(r[i]).length());
      }
    }
    out.println(line(header.toArray(String[]::new), width));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    out.println(rule);
    rows.forEach(r -> out.println(line(r, width)));
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      String cell = display(cells[i]);
      b.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(width[i] - cell.length()));
    }
    return b.toString().stripTrailing();
  }

  private static String display(String cell) {
    return cell == null ? "NULL" : cell;
  }
}
