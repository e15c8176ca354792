package io.quacklake.types;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.internal.text.DuckDbText;
import io.quacklake.internal.types.SqlTypeParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Column definitions in DuckDB SQL ({@code id BIGINT NOT NULL, d DECIMAL(12,2) DEFAULT 1.5, ...})
 * as the columns of a new table: types by {@link SqlTypeParser}, defaults converted to the column
 * type and stored as DuckDB's {@code CAST(value AS VARCHAR)} text ({@code DEFAULT 1.5} on a {@code
 * DECIMAL(12,2)} gives {@code 1.50}).
 */
public final class ColumnDefinitions {
  private ColumnDefinitions() {}

  /**
   * Parses a definition list; column ids are 0 (the transaction allocates them).
   *
   * @throws QuacklakeException INVALID_ARGUMENT for malformed text or a default that does not fit
   *     its column's type, UNSUPPORTED for types DuckLake cannot store
   */
  public static List<LakeColumn> parse(String definitions) {
    List<LakeColumn> out = new ArrayList<>();
    for (LakeColumn c : SqlTypeParser.columns(definitions)) {
      out.add(c.defaultValue() == null ? c : withDefault(c));
    }
    return out;
  }

  private static LakeColumn withDefault(LakeColumn c) {
    String stored;
    try {
      stored = DuckDbText.format(DuckDbText.parse(c.defaultValue(), c), c);
    } catch (QuacklakeException e) {
      throw QuacklakeException.invalid(
          "DEFAULT '%s' of column %s is not a %s value",
          c.defaultValue(), c.name(), c.sqlTypeName());
    }
    return new LakeColumn(
        c.id(), c.name(), c.type(), c.nullable(), c.initialDefault(), stored, c.children());
  }
}
