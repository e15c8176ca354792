package io.quacklake.internal.write;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.ArrowValues;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Checks a caller's batch against a table's columns and returns it in the table's layout (column
 * order, field ids, DuckLake types). Columns are matched by name (case-insensitively); every table
 * column must be present and no other; integer and floating types may be narrower than the
 * column's. The caller's batch is left untouched.
 */
public final class BatchAligner {
  private BatchAligner() {}

  /**
   * @throws QuacklakeException INVALID_ARGUMENT naming the table and column for a missing, extra or
   *     incompatible column, or a NULL in a NOT NULL column
   */
  public static Aligned align(
      String table, VectorSchemaRoot input, List<LakeColumn> columns, BufferAllocator allocator) {
    checkNames(table, input, columns);
    int rows = input.getRowCount();
    List<FieldVector> out = new ArrayList<>(columns.size());
    List<FieldVector> owned = new ArrayList<>();
    try {
      for (LakeColumn column : columns) {
        FieldVector source = find(input, column.name());
        FieldVector v = convert(table, column, source, ArrowTypes.field(column), rows, allocator);
        if (v != source) {
          owned.add(v);
        }
        out.add(v);
      }
      VectorSchemaRoot root = new VectorSchemaRoot(out);
      root.setRowCount(rows);
      return new Aligned(root, owned);
    } catch (RuntimeException e) {
      owned.forEach(FieldVector::close);
      throw e;
    }
  }

  /**
   * A batch in a table's layout. Vectors whose type already matched are the caller's own (not
   * copied); {@link #close()} releases only the converted copies.
   */
  public record Aligned(VectorSchemaRoot root, List<FieldVector> owned) implements AutoCloseable {
    @Override
    public void close() {
      owned.forEach(FieldVector::close);
    }
  }

  private static FieldVector convert(
      String table,
      LakeColumn column,
      FieldVector source,
      Field target,
      int rows,
      BufferAllocator allocator) {
    NotNullColumns.check(table, column, source.getNullCount());
    if (sameShape(source.getField(), target)) {
      return source;
    }
    if (!widens(source.getField().getType(), column)) {
      throw QuacklakeException.invalid(
          "column %s.%s has type %s, but the batch gives %s; convert the batch column first",
          table, column.name(), column.sqlTypeName(), source.getField().getType());
    }
    FieldVector copy = target.createVector(allocator);
    copy.allocateNew();
    for (int i = 0; i < rows; i++) {
      Object v = ArrowValues.get(source, i);
      ArrowValues.set(
          copy, i, v instanceof Number n && column.type().id().isFloating() ? n.doubleValue() : v);
    }
    copy.setValueCount(rows);
    return copy;
  }

  /** Same Arrow types all the way down (names and metadata may differ). */
  private static boolean sameShape(Field a, Field b) {
    if (!a.getType().equals(b.getType()) || a.getChildren().size() != b.getChildren().size()) {
      return false;
    }
    for (int i = 0; i < a.getChildren().size(); i++) {
      if (!sameShape(a.getChildren().get(i), b.getChildren().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean widens(ArrowType from, LakeColumn column) {
    TypeId to = column.type().id();
    if (from instanceof ArrowType.Int i) {
      if (to.isFloating() || to == TypeId.DECIMAL) {
        return true;
      }
      int bits = integerBits(to);
      boolean unsignedTarget = to.name().startsWith("UINT");
      return bits > 0
          && (i.getIsSigned()
              ? !unsignedTarget && i.getBitWidth() <= bits
              : unsignedTarget ? i.getBitWidth() <= bits : i.getBitWidth() < bits);
    }
    return from instanceof ArrowType.FloatingPoint && to.isFloating();
  }

  private static int integerBits(TypeId t) {
    return switch (t) {
      case INT8, UINT8 -> 8;
      case INT16, UINT16 -> 16;
      case INT32, UINT32 -> 32;
      case INT64, UINT64 -> 64;
      case INT128, UINT128 -> 128;
      default -> 0;
    };
  }

  private static void checkNames(String table, VectorSchemaRoot input, List<LakeColumn> columns) {
    List<String> missing = new ArrayList<>();
    for (LakeColumn c : columns) {
      if (find(input, c.name()) == null) {
        missing.add(c.name());
      }
    }
    List<String> extra = new ArrayList<>();
    for (Field f : input.getSchema().getFields()) {
      if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(f.getName()))) {
        extra.add(f.getName());
      }
    }
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw QuacklakeException.invalid(
          "the batch does not match table %s: %s%s; the table's columns are %s",
          table,
          missing.isEmpty() ? "" : "missing column(s) " + missing,
          extra.isEmpty() ? "" : (missing.isEmpty() ? "" : ", ") + "unknown column(s) " + extra,
          columns.stream().map(LakeColumn::name).toList());
    }
  }

  private static FieldVector find(VectorSchemaRoot input, String name) {
    for (FieldVector v : input.getFieldVectors()) {
      if (v.getName().equals(name)) {
        return v;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (FieldVector v : input.getFieldVectors()) {
      if (v.getName().toLowerCase(Locale.ROOT).equals(lower)) {
        return v;
      }
    }
    return null;
  }
}
