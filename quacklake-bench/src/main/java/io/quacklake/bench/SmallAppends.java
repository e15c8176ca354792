package io.quacklake.bench;

import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ColumnDefinitions;
import io.quacklake.types.LakeColumn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The rows of the small-append maintenance workload, the same in both engines: {@value #APPENDS}
 * appends of {@value #ROWS} rows (above the default inlining limit of 10 rows, so each append
 * writes a Parquet file), row r being {@code (r, 'name-' || r, r * 0.5)}.
 */
final class SmallAppends {
  static final int APPENDS = 1_000;
  static final int ROWS = 100;
  static final String TABLE = "t";
  static final String DDL = "id BIGINT, name VARCHAR, amount DOUBLE";
  static final List<LakeColumn> COLUMNS = ColumnDefinitions.parse(DDL);

  private SmallAppends() {}

  /** The sum of every id: what a full scan must return. */
  static long expectedSum() {
    long n = (long) APPENDS * ROWS;
    return n * (n - 1) / 2;
  }

  /** Append number {@code i} as a batch; the caller closes it. */
  static VectorSchemaRoot batch(BufferAllocator allocator, int i) {
    VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.schema(COLUMNS), allocator);
    BigIntVector id = (BigIntVector) root.getVector(0);
    VarCharVector name = (VarCharVector) root.getVector(1);
    Float8Vector amount = (Float8Vector) root.getVector(2);
    root.allocateNew();
    for (int j = 0; j < ROWS; j++) {
      long r = (long) i * ROWS + j;
      id.setSafe(j, r);
      name.setSafe(j, ("name-" + r).getBytes(StandardCharsets.UTF_8));
      amount.setSafe(j, r * 0.5);
    }
    root.setRowCount(ROWS);
    return root;
  }

  /** Append number {@code i} as DuckDB SQL against the lake attached as {@code l}. */
  static String insertSql(int i) {
    long from = (long) i * ROWS;
    return "INSERT INTO l."
        + TABLE
        + " SELECT range, 'name-' || range, range * 0.5 FROM range("
        + from
        + ", "
        + (from + ROWS)
        + ");";
  }
}
