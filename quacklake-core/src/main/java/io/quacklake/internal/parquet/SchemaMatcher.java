package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Binds requested columns to a file's schema: by field id on every level, or by position when the
 * file has no field ids at all (legacy files). List elements and map keys/values are bound by
 * structure.
 */
final class SchemaMatcher {
  private final MessageType schema;
  private final String file;
  private final boolean byFieldId;

  SchemaMatcher(MessageType schema, String file) {
    this.schema = schema;
    this.file = file;
    this.byFieldId = hasFieldIds(schema);
  }

  /** Whether the file carries field ids (else columns are matched by position). */
  boolean byFieldId() {
    return byFieldId;
  }

  /** Whether the file has a top-level column with this field id. */
  boolean hasTopLevelId(long id) {
    return byFieldId && find(schema, id, -1) != null;
  }

  List<ColumnBinding> bind(List<LakeColumn> columns) {
    List<ColumnBinding> result = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      LakeColumn c = columns.get(i);
      Type t = find(schema, c.id(), i);
      result.add(t == null ? new ColumnBinding.Missing(c) : bind(c, t, new String[0]));
    }
    return result;
  }

  private Type find(GroupType group, long id, int position) {
    if (!byFieldId) {
      return position >= 0 && position < group.getFieldCount() ? group.getType(position) : null;
    }
    for (Type t : group.getFields()) {
      if (t.getId() != null && t.getId().intValue() == id) {
        return t;
      }
    }
    return null;
  }

  private ColumnBinding bind(LakeColumn column, Type type, String[] parent) {
    String[] path = Arrays.copyOf(parent, parent.length + 1);
    path[parent.length] = type.getName();
    TypeId id = column.type().id();
    if (!id.isNested()) {
      if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
        throw mismatch(column, type);
      }
      return new ColumnBinding.Leaf(column, path, schema.getColumnDescription(path));
    }
    if (type.isPrimitive()) {
      throw mismatch(column, type);
    }
    GroupType group = type.asGroupType();
    return switch (id) {
      case STRUCT -> bindStruct(column, group, path);
      case LIST -> bindList(column, group, path);
      default -> bindMap(column, group, path);
    };
  }

  private ColumnBinding bindStruct(LakeColumn column, GroupType group, String[] path) {
    List<ColumnBinding> fields = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < column.children().size(); i++) {
      LakeColumn child = column.children().get(i);
      Type t = find(group, child.id(), i);
      ColumnBinding b = t == null ? new ColumnBinding.Missing(child) : bind(child, t, path);
      any |= !(b instanceof ColumnBinding.Missing);
      fields.add(b);
    }
    return any ? new ColumnBinding.Struct(column, path, fields) : new ColumnBinding.Missing(column);
  }

  private ColumnBinding bindList(LakeColumn column, GroupType group, String[] path) {
    if (group.getFieldCount() != 1 || !group.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      throw mismatch(column, group);
    }
    Type repeated = group.getType(0);
    String[] repeatedPath = append(path, repeated.getName());
    LakeColumn element = column.children().get(0);
    if (isLegacyTwoLevel(repeated, group.getName())) {
      ColumnBinding e = bind(element, repeated, path);
      return new ColumnBinding.ListOf(column, path, repeatedPath, e);
    }
    ColumnBinding e = bind(element, repeated.asGroupType().getType(0), repeatedPath);
    return new ColumnBinding.ListOf(column, path, repeatedPath, e);
  }

  private static boolean isLegacyTwoLevel(Type repeated, String listName) {
    if (repeated.isPrimitive()) {
      return true;
    }
    GroupType g = repeated.asGroupType();
    return g.getFieldCount() != 1
        || g.getName().equals("array")
        || g.getName().equals(listName + "_tuple");
  }

  private ColumnBinding bindMap(LakeColumn column, GroupType group, String[] path) {
    LogicalTypeAnnotation a = group.getLogicalTypeAnnotation();
    boolean annotated =
        a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
    if (!annotated
        || group.getFieldCount() != 1
        || group.getType(0).isPrimitive()
        || group.getType(0).asGroupType().getFieldCount() != 2) {
      throw mismatch(column, group);
    }
    GroupType kv = group.getType(0).asGroupType();
    String[] kvPath = append(path, kv.getName());
    ColumnBinding key = bind(column.children().get(0), kv.getType(0), kvPath);
    ColumnBinding value = bind(column.children().get(1), kv.getType(1), kvPath);
    return new ColumnBinding.MapOf(column, path, kvPath, key, value);
  }

  private QuacklakeException mismatch(LakeColumn column, Type type) {
    return QuacklakeException.unsupported(
        "column '%s' (id %d) is %s in the table but the Parquet file %s stores it as '%s'",
        column.name(), column.id(), column.sqlTypeName(), file, type.toString().trim());
  }

  private static String[] append(String[] path, String name) {
    String[] p = Arrays.copyOf(path, path.length + 1);
    p[path.length] = name;
    return p;
  }

  private static boolean hasFieldIds(GroupType group) {
    for (Type t : group.getFields()) {
      if (t.getId() != null || (!t.isPrimitive() && hasFieldIds(t.asGroupType()))) {
        return true;
      }
    }
    return false;
  }
}
