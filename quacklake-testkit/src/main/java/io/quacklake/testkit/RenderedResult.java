package io.quacklake.testkit;

import io.quacklake.ScanReader;
import io.quacklake.internal.text.DuckDbText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A scan result rendered as DuckDB renders values, comparable to {@link ExpectedRows} as a
 * multiset: both sides are sorted with one comparator.
 */
public record RenderedResult(List<String> columns, List<List<String>> rows) {

  /** Reads the whole scan (and closes it). */
  public static RenderedResult of(ScanReader reader) {
    try (reader) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<String> columns = new ArrayList<>();
      root.getSchema().getFields().forEach(f -> columns.add(f.getName()));
      List<List<String>> rows = new ArrayList<>();
      while (reader.loadNextBatch()) {
        List<FieldVector> vectors = root.getFieldVectors();
        for (int r = 0; r < root.getRowCount(); r++) {
          List<String> row = new ArrayList<>(vectors.size());
          for (FieldVector v : vectors) {
            row.add(DuckDbText.render(v, r));
          }
          rows.add(row);
        }
      }
      return new RenderedResult(columns, rows);
    }
  }

  /** The rows in a canonical order, for multiset comparison. */
  public static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort(ROW_ORDER);
    return copy;
  }

  private static final Comparator<String> CELL = Comparator.nullsFirst(Comparator.naturalOrder());

  private static final Comparator<List<String>> ROW_ORDER =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = CELL.compare(a.get(i), b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };
}
