package io.quacklake.internal.write;

import io.quacklake.SortField;
import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.expr.Expressions;
import io.quacklake.internal.expr.scalar.InputColumn;
import io.quacklake.internal.expr.scalar.Rows;
import io.quacklake.internal.expr.scalar.Scalar;
import io.quacklake.internal.expr.scalar.ScalarBinder;
import io.quacklake.internal.types.ValueOrder;
import io.quacklake.types.LakeColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Orders rows by a table's sort keys ({@code SET SORTED BY}) as DuckDB orders them: each key's
 * values in DuckDB's order of its type, descending where asked, NULLs last unless asked first; ties
 * keep their arrival order.
 */
public final class RowSorter {
  private RowSorter() {}

  /** A bound sort key. */
  public record Key(Scalar value, boolean descending, boolean nullsFirst) {}

  /**
   * Binds sort keys to a table's columns (input slot = column index).
   *
   * @throws QuacklakeException INVALID_ARGUMENT for a key that does not parse or bind, or whose
   *     value is nested
   */
  public static List<Key> bind(List<LakeColumn> columns, List<SortField> keys) {
    List<Key> out = new ArrayList<>();
    for (SortField k : keys) {
      out.add(new Key(bind(columns, k, new HashSet<>()), k.descending(), k.nullsFirst()));
    }
    return out;
  }

  /** Whether a sort key reads {@code column} (a key that no longer binds is compared by name). */
  public static boolean reads(SortField key, List<LakeColumn> columns, LakeColumn column) {
    Set<Long> read = new HashSet<>();
    try {
      bind(columns, key, read);
    } catch (QuacklakeException e) {
      return key.expression().replace("\"", "").equalsIgnoreCase(column.name());
    }
    return read.contains(column.id());
  }

  /**
   * The rows of {@code root} (columns in table order) in sort order, or null when they already are;
   * the caller closes the returned root.
   */
  public static VectorSchemaRoot sort(
      VectorSchemaRoot root, List<Key> keys, BufferAllocator allocator) {
    int n = root.getRowCount();
    if (keys.isEmpty() || n < 2) {
      return null;
    }
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    Rows rows = Rows.of(root.getFieldVectors().toArray(new FieldVector[0]), all, n);
    int[] order = order(keys, rows, n);
    if (order == null) {
      return null;
    }
    VectorSchemaRoot out = VectorSchemaRoot.create(root.getSchema(), allocator);
    try {
      for (int c = 0; c < root.getFieldVectors().size(); c++) {
        FieldVector from = root.getVector(c);
        FieldVector to = out.getVector(c);
        to.setInitialCapacity(n);
        to.allocateNew();
        for (int i = 0; i < n; i++) {
          to.copyFromSafe(order[i], i, from);
        }
        to.setValueCount(n);
      }
      out.setRowCount(n);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  /** Rows given as values (one array per row, columns in table order), sorted in place. */
  public static void sort(List<Object[]> values, int columnCount, List<Key> keys) {
    int n = values.size();
    if (keys.isEmpty() || n < 2) {
      return;
    }
    Object[][] byColumn = new Object[columnCount][n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < columnCount; c++) {
        byColumn[c][r] = values.get(r)[c];
      }
    }
    int[] order = order(keys, Rows.ofValues(byColumn, n), n);
    if (order == null) {
      return;
    }
    List<Object[]> sorted = new ArrayList<>(n);
    for (int i : order) {
      sorted.add(values.get(i));
    }
    for (int i = 0; i < n; i++) {
      values.set(i, sorted.get(i));
    }
  }

  /** The row order, or null when the rows are already in it. */
  private static int[] order(List<Key> keys, Rows rows, int n) {
    Object[][] keyValues = new Object[keys.size()][];
    List<Comparator<Object>> orders = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      keyValues[k] = keys.get(k).value().evaluate(rows);
      orders.add(ValueOrder.of(keys.get(k).value().type()));
    }
    Integer[] idx = new Integer[n];
    Arrays.setAll(idx, i -> i);
    Comparator<Integer> byKeys =
        (a, b) -> {
          for (int k = 0; k < keyValues.length; k++) {
            Key key = keys.get(k);
            Object x = keyValues[k][a];
            Object y = keyValues[k][b];
            int c;
            if (x == null || y == null) {
              c = x == y ? 0 : (x == null) == key.nullsFirst() ? -1 : 1;
            } else {
              c = orders.get(k).compare(x, y);
              if (key.descending()) {
                c = -c;
              }
            }
            if (c != 0) {
              return c;
            }
          }
          return 0;
        };
    Arrays.sort(idx, byKeys);
    int[] out = new int[n];
    boolean moved = false;
    for (int i = 0; i < n; i++) {
      out[i] = idx[i];
      moved |= out[i] != i;
    }
    return moved ? out : null;
  }

  private static Scalar bind(List<LakeColumn> columns, SortField key, Set<Long> read) {
    io.quacklake.expr.Expression e;
    try {
      e = Expressions.parse(key.expression());
    } catch (QuacklakeException ex) {
      throw QuacklakeException.invalid(
          "sort key '%s' is not an expression Quacklake reads: %s",
          key.expression(), ex.getMessage());
    }
    ScalarBinder binder =
        new ScalarBinder(
            ref -> {
              for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(ref.name())) {
                  read.add(columns.get(i).id());
                  return new InputColumn(i, columns.get(i));
                }
              }
              throw QuacklakeException.invalid(
                  "sort key '%s' names column %s, which the table does not have; its columns are %s",
                  key.expression(), ref, columns.stream().map(LakeColumn::name).toList());
            },
            Instant.now());
    Scalar s = binder.bind(e);
    if (s.type() == null || s.type().id().isNested()) {
      throw QuacklakeException.invalid(
          "sort key '%s' is %s; sort by a column or expression of a primitive type",
          key.expression(), s.type() == null ? "NULL" : s.type().id().ducklakeName());
    }
    return s;
  }
}
