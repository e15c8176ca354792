package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.ArrowTypes;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Checks that an Arrow field has the shape {@link ArrowTypes} gives a DuckLake column. */
final class BatchTypeCheck {
  private BatchTypeCheck() {}

  /**
   * @throws QuacklakeException INVALID_ARGUMENT naming the column, the expected and the actual type
   */
  static void check(LakeColumn column, Field field, String path) {
    ArrowType expected = ArrowTypes.arrowType(column.type());
    ArrowType actual = field.getType();
    if (actual instanceof ArrowType.ExtensionType ext) {
      actual = ext.storageType();
    }
    if (!expected.equals(actual)) {
      throw QuacklakeException.invalid(
          "column '%s' (%s) expects Arrow type %s but the batch has %s",
          path, column.type().ducklakeName(), expected, actual);
    }
    List<Field> children = field.getChildren();
    TypeId id = column.type().id();
    if (id == TypeId.MAP) {
      children = children.isEmpty() ? children : children.get(0).getChildren();
    }
    if (id.isNested() && children.size() != column.children().size()) {
      throw QuacklakeException.invalid(
          "column '%s' (%s) expects %d child fields but the batch has %d",
          path, column.type().ducklakeName(), column.children().size(), children.size());
    }
    for (int i = 0; id.isNested() && i < children.size(); i++) {
      LakeColumn child = column.children().get(i);
      check(child, children.get(i), path + "." + child.name());
    }
  }
}
