package io.quacklake.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.ValueText;
import java.io.IOException;

/** Converts input text to a column's canonical value, with errors naming where the text was. */
final class CellValues {
  private CellValues() {}

  /**
   * The value of {@code text} (null for NULL) for {@code column}, as DuckDB's cast from VARCHAR
   * reads it (also {@code 1}/{@code 0} booleans and a {@code T} in timestamps).
   *
   * @param where the file, line and column, e.g. {@code orders.csv line 17, column amount}
   * @throws QuacklakeException INVALID_ARGUMENT naming {@code where}, the column and the value
   */
  static Object parse(String text, LakeColumn column, String where) {
    if (text == null) {
      return checkNull(column, where);
    }
    try {
      return ValueText.parse(text, column);
    } catch (RuntimeException e) {
      throw QuacklakeException.invalid(
          "%s: '%s' is not a %s; fix the value or the column type",
          where, text, column.sqlTypeName());
    }
  }

  /**
   * As {@link #parse}, but a nested column (list, struct, map) also takes JSON such as {@code
   * {"k":1}}: the form {@code scan --format csv} writes nested values in. Text that is not JSON is
   * read in DuckDB's cast form ({@code {k=1}}).
   */
  static Object parseCell(String text, LakeColumn column, String where) {
    if (text != null && column.type().id().isNested()) {
      JsonNode node;
      try {
        node = JsonTrees.parse(text);
      } catch (IOException notJson) {
        return parse(text, column, where);
      }
      return JsonValues.convert(node, column, where);
    }
    return parse(text, column, where);
  }

  /**
   * Returns null for a nullable column.
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a NOT NULL column
   */
  static Object checkNull(LakeColumn column, String where) {
    if (!column.nullable()) {
      throw QuacklakeException.invalid("%s: NULL in a NOT NULL column; give it a value", where);
    }
    return null;
  }
}
