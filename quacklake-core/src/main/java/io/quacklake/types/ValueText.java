package io.quacklake.types;

import io.quacklake.internal.text.DuckDbText;
import org.apache.arrow.vector.FieldVector;

/**
 * Values as DuckDB prints and reads them ({@code 2024-01-02 03:04:05}, {@code [1, 2]}, {@code {'a':
 * 1}}), so output matches {@code duckdb} and input accepts what it prints.
 */
public final class ValueText {
  private ValueText() {}

  /** The cell at {@code row} of a scan's vector as DuckDB text, or {@code NULL}. */
  public static String render(FieldVector vector, int row) {
    return DuckDbText.render(vector, row);
  }

  /** A canonical Java value ({@link LakeValues}) of a column as DuckDB text; null for NULL. */
  public static String format(Object value, LakeColumn column) {
    return value == null ? null : DuckDbText.format(value, column);
  }

  /**
   * The canonical Java value ({@link LakeValues}) of DuckDB text for a column of this type.
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT when the text is no value
   *     of the column's type
   */
  public static Object parse(String text, LakeColumn column) {
    return DuckDbText.parse(text, column);
  }
}
