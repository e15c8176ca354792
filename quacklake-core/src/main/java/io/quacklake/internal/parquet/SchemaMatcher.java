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
 * Binds requested columns to a file's schema: by field id on every level, by name through a {@link
 * NameMapping} (files registered with {@code ducklake_add_data_files}), or by position when the
 * file has no field ids at all (legacy files). List elements and map keys/values are bound by
 * structure.
 */
final class SchemaMatcher {
  private final MessageType schema;
  private final String file;
  private final boolean byFieldId;
  private final NameMapping mapping;

  /**
   * @param mapping the file's name mapping, or null to bind by field id (or position)
   */
  SchemaMatcher(MessageType schema, String file, NameMapping mapping) {
    this.schema = schema;
    this.file = file;
    this.mapping = mapping;
    this.byFieldId = mapping == null && hasFieldIds(schema);
  }

  /** Whether the file carries field ids (else columns are matched by position). */
  boolean byFieldId() {
    return byFieldId;
  }

  /**
   * The file's top-level field for {@code column} (at {@code position} in the request), or null.
   */
  Type topLevel(LakeColumn column, int position) {
    if (mapping != null) {
      return named(schema, mapping.top(column.id()));
    }
    return find(schema, column.id(), position);
  }

  /** Whether the file has a top-level column with this field id. */
  boolean hasTopLevelId(long id) {
    return byFieldId && find(schema, id, -1) != null;
  }

  List<ColumnBinding> bind(List<LakeColumn> columns) {
    List<ColumnBinding> result = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      LakeColumn c = columns.get(i);
      NameMapping.Entry entry = mapping == null ? null : mapping.top(c.id());
      Type t = mapping == null ? find(schema, c.id(), i) : named(schema, entry);
      result.add(t == null ? new ColumnBinding.Missing(c) : bind(c, t, new String[0], entry));
    }
    return result;
  }

  /** The field a mapping entry names in {@code group}; null for a missing or hive column. */
  private static Type named(GroupType group, NameMapping.Entry entry) {
    if (entry == null || entry.partition() || !group.containsField(entry.sourceName())) {
      return null;
    }
    return group.getType(entry.sourceName());
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

  private ColumnBinding bind(
      LakeColumn column, Type type, String[] parent, NameMapping.Entry entry) {
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
      case STRUCT -> bindStruct(column, group, path, entry);
      case LIST -> bindList(column, group, path, entry);
      default -> bindMap(column, group, path, entry);
    };
  }

  private ColumnBinding bindStruct(
      LakeColumn column, GroupType group, String[] path, NameMapping.Entry entry) {
    List<ColumnBinding> fields = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < column.children().size(); i++) {
      LakeColumn child = column.children().get(i);
      NameMapping.Entry childEntry =
          mapping == null || child.id() < 0 ? null : mapping.child(entry, child.id());
      Type t;
      if (child.id() < 0) {
        // a field of a synthetic shape (a variant's group): bound by position
        t = i < group.getFieldCount() ? group.getType(i) : null;
      } else {
        t = mapping == null ? find(group, child.id(), i) : named(group, childEntry);
      }
      ColumnBinding b =
          t == null ? new ColumnBinding.Missing(child) : bind(child, t, path, childEntry);
      any |= !(b instanceof ColumnBinding.Missing);
      fields.add(b);
    }
    return any ? new ColumnBinding.Struct(column, path, fields) : new ColumnBinding.Missing(column);
  }

  private ColumnBinding bindList(
      LakeColumn column, GroupType group, String[] path, NameMapping.Entry entry) {
    if (group.getFieldCount() != 1 || !group.getType(0).isRepetition(Type.Repetition.REPEATED)) {
      throw mismatch(column, group);
    }
    Type repeated = group.getType(0);
    String[] repeatedPath = append(path, repeated.getName());
    LakeColumn element = column.children().get(0);
    NameMapping.Entry elementEntry = mapping == null ? null : mapping.onlyChild(entry);
    if (isLegacyTwoLevel(repeated, group.getName())) {
      ColumnBinding e = bind(element, repeated, path, elementEntry);
      return new ColumnBinding.ListOf(column, path, repeatedPath, e);
    }
    ColumnBinding e = bind(element, repeated.asGroupType().getType(0), repeatedPath, elementEntry);
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

  private ColumnBinding bindMap(
      LakeColumn column, GroupType group, String[] path, NameMapping.Entry entry) {
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
    LakeColumn keyColumn = column.children().get(0);
    LakeColumn valueColumn = column.children().get(1);
    ColumnBinding key =
        bind(
            keyColumn,
            kv.getType(0),
            kvPath,
            mapping == null ? null : mapping.child(entry, keyColumn.id()));
    ColumnBinding value =
        bind(
            valueColumn,
            kv.getType(1),
            kvPath,
            mapping == null ? null : mapping.child(entry, valueColumn.id()));
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
