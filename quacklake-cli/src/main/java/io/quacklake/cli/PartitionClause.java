package io.quacklake.cli;

import io.quacklake.PartitionField;
import io.quacklake.exceptions.QuacklakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code "region, year(ts), month(ts)"}: partition keys as DuckDB's SET PARTITIONED BY takes them
 * (also bucket(N, column)).
 */
final class PartitionClause {
  private static final Pattern KEY =
      Pattern.compile(
          "\\s*(?:(\\w+)\\s*\\(\\s*(?:(\\d{1,9})\\s*,\\s*)?(\"[^\"]+\"|\\w+)\\s*\\)|(\"[^\"]+\"|\\w+))\\s*");

  private PartitionClause() {}

  static List<PartitionField> parse(String text) {
    List<PartitionField> out = new ArrayList<>();
    if (text.isBlank()) {
      return out;
    }
    for (String part : text.split(",(?![^(]*\\))")) {
      Matcher m = KEY.matcher(part);
      if (!m.matches()) {
        throw QuacklakeException.invalid(
            "'%s' is not a partition key; use column or year(column), month(...), day(...),"
                + " hour(...), epoch_year(...) ... epoch_hour(...) (DuckLake 1.1), bucket(N, column)",
            part.trim());
      }
      String function = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
      if (m.group(4) != null) {
        out.add(new PartitionField(unquote(m.group(4)), "identity"));
      } else if (function.equals("bucket") && m.group(2) != null) {
        out.add(PartitionField.bucket(Integer.parseInt(m.group(2)), unquote(m.group(3))));
      } else if (m.group(2) != null) {
        throw QuacklakeException.invalid(
            "'%s' is not a partition key: only bucket takes a number", part.trim());
      } else {
        out.add(new PartitionField(unquote(m.group(3)), function));
      }
    }
    return out;
  }

  private static String unquote(String name) {
    return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
  }
}
