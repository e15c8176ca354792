package io.quacklake.cli.input;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table column of each input column, matched by name (case-insensitively).
 *
 * @param columnOf for each input column position, the index of its table column
 */
record HeaderMatch(int[] columnOf) {

  /**
   * Matches input names to columns; with {@code allowMissing}, table columns the input lacks are
   * allowed (they become NULL).
   *
   * @throws QuacklakeException INVALID_ARGUMENT naming the file for an unknown, repeated or missing
   *     column
   */
  static HeaderMatch of(
      String file, List<String> names, List<LakeColumn> columns, boolean allowMissing) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.put(key(columns.get(i).name()), i);
    }
    int[] columnOf = new int[names.size()];
    boolean[] seen = new boolean[columns.size()];
    for (int i = 0; i < names.size(); i++) {
      Integer c = index.get(key(names.get(i)));
      if (c == null) {
        throw QuacklakeException.invalid(
            "%s: column '%s' is not in the table (its columns: %s); rename or drop it",
            file, names.get(i), columnNames(columns));
      }
      if (seen[c]) {
        throw QuacklakeException.invalid("%s: column '%s' appears twice", file, names.get(i));
      }
      seen[c] = true;
      columnOf[i] = c;
    }
    for (int c = 0; c < columns.size() && !allowMissing; c++) {
      if (!seen[c]) {
        throw QuacklakeException.invalid(
            "%s: the table's column '%s' is missing (the file has: %s); add it to the file",
            file, columns.get(c).name(), String.join(", ", names));
      }
    }
    return new HeaderMatch(columnOf);
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  private static String columnNames(List<LakeColumn> columns) {
    return String.join(", ", columns.stream().map(LakeColumn::name).toList());
  }
}
