package io.quacklake.internal.text;

import io.quacklake.types.LakeColumn;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Values as DuckDB writes them as text: {@code CAST(x AS VARCHAR)} for primitives (the form of
 * column defaults, statistics and inlined values in SQLite/PostgreSQL catalogs) and {@code
 * to_json(x)} for nested values when rendering.
 */
public final class DuckDbText {
  private DuckDbText() {}

  /**
   * Renders one Arrow cell as DuckDB would show {@code CAST(value AS VARCHAR)}; nested values
   * (list, struct, map) as DuckDB's {@code to_json(value)}. Returns null for NULL.
   */
  public static String render(FieldVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    if (vector instanceof ListVector || vector instanceof StructVector) {
      JsonCellWriter.append(out, vector, index);
    } else {
      CellText.append(out, vector, index);
    }
    return out.toString();
  }

  /** A double as DuckDB's {@code to_json} writes it (see {@code FloatText#appendJson}). */
  public static String jsonDouble(double value) {
    StringBuilder out = new StringBuilder();
    FloatText.appendJson(out, value);
    return out.toString();
  }

  /**
   * Parses DuckDB text of a value of {@code column}'s type to its canonical Java value. Nested
   * columns take DuckDB's VARCHAR cast form ({@code [1, 2]}, {@code {'a': 1}}, {@code {k=v}}).
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT when the text does not
   *     parse
   */
  public static Object parse(String text, LakeColumn column) {
    Objects.requireNonNull(text, "text is null");
    return ValueParser.parse(text, column);
  }

  /**
   * Formats a canonical value as DuckDB's {@code CAST(value AS VARCHAR)} text; null gives null.
   *
   * @throws io.quacklake.exceptions.QuacklakeException INVALID_ARGUMENT when the value's class does
   *     not match the column type
   */
  public static String format(Object value, LakeColumn column) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    ValueFormatter.append(out, value, column);
    return out.toString();
  }
}
