package io.quacklake.internal.write;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The NOT NULL rule of every write path: new rows (appended, inserted, updated or merged, inlined
 * or written to Parquet) hold a value in each NOT NULL column of their table.
 */
public final class NotNullColumns {
  private NotNullColumns() {}

  /**
   * Checks the rows of a batch in {@code columns}' order.
   *
   * @throws QuacklakeException INVALID_ARGUMENT naming the table and the first column with a NULL
   */
  public static void check(String table, List<LakeColumn> columns, VectorSchemaRoot batch) {
    List<FieldVector> vectors = batch.getFieldVectors();
    for (int c = 0; c < columns.size(); c++) {
      check(table, columns.get(c), vectors.get(c).getNullCount());
    }
  }

  /**
   * Checks rows given as values in {@code columns}' order.
   *
   * @throws QuacklakeException INVALID_ARGUMENT naming the table and the first column with a NULL
   */
  public static void check(String table, List<LakeColumn> columns, Iterable<Object[]> rows) {
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).nullable()) {
        continue;
      }
      long nulls = 0;
      for (Object[] row : rows) {
        nulls += row[c] == null ? 1 : 0;
      }
      check(table, columns.get(c), nulls);
    }
  }

  /**
   * @param nulls how many new rows hold NULL in {@code column}
   * @throws QuacklakeException INVALID_ARGUMENT naming the table and column when a NOT NULL column
   *     gets a NULL
   */
  static void check(String table, LakeColumn column, long nulls) {
    if (!column.nullable() && nulls > 0) {
      throw QuacklakeException.invalid(
          "column %s.%s is NOT NULL, but %d new row(s) hold NULL in it; give it a value or make"
              + " the column nullable",
          table, column.name(), nulls);
    }
  }
}
