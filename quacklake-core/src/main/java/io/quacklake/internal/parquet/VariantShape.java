package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet VARIANT group ({@code metadata}, {@code value}, and when shredded {@code typed_value})
 * as a struct column the reader decodes like any other: fields bound by position, ids negative (no
 * table column has them). {@link VariantJson} turns a decoded row back into the variant's value.
 */
final class VariantShape {
  private int nextId = -1;

  private VariantShape() {}

  /**
   * The struct standing for {@code column}'s variant group in a file (it keeps the column's id and
   * name).
   *
   * @throws QuacklakeException UNSUPPORTED for a group that is not a variant encoding
   */
  static LakeColumn of(LakeColumn column, GroupType group, String file) {
    if (!group.containsField("metadata")
        || !group.containsField("value") && !group.containsField("typed_value")) {
      throw QuacklakeException.unsupported(
          "VARIANT column '%s' of %s is stored as '%s', which is not a Parquet variant (metadata,"
              + " value, typed_value)",
          column.name(), file, group.toString().trim());
    }
    VariantShape shape = new VariantShape();
    return new LakeColumn(
        column.id(),
        column.name(),
        LakeType.of(TypeId.STRUCT),
        true,
        null,
        null,
        shape.fields(group, file));
  }

  private List<LakeColumn> fields(GroupType group, String file) {
    List<LakeColumn> out = new ArrayList<>();
    for (Type t : group.getFields()) {
      out.add(column(t, file));
    }
    return out;
  }

  private LakeColumn column(Type t, String file) {
    int id = nextId--;
    if (t.isPrimitive()) {
      return new LakeColumn(
          id, t.getName(), primitive(t.asPrimitiveType(), file), true, null, null, List.of());
    }
    GroupType g = t.asGroupType();
    if (g.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      Type element = g.getType(0).asGroupType().getType(0);
      return new LakeColumn(
          id,
          t.getName(),
          LakeType.of(TypeId.LIST),
          true,
          null,
          null,
          List.of(column(element, file)));
    }
    return new LakeColumn(
        id, t.getName(), LakeType.of(TypeId.STRUCT), true, null, null, fields(g, file));
  }

  private static LakeType primitive(PrimitiveType p, String file) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
      return LakeType.decimal(d.getPrecision(), d.getScale());
    }
    if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
      return LakeType.of(TypeId.VARCHAR);
    }
    if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return LakeType.of(TypeId.DATE);
    }
    if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
      return LakeType.of(TypeId.UUID);
    }
    if (a instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation t) {
      return LakeType.of(
          t.getUnit() == LogicalTypeAnnotation.TimeUnit.NANOS ? TypeId.TIME_NS : TypeId.TIME);
    }
    if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
      boolean nanos = t.getUnit() == LogicalTypeAnnotation.TimeUnit.NANOS;
      if (t.isAdjustedToUTC()) {
        return LakeType.of(nanos ? TypeId.TIMESTAMPTZ_NS : TypeId.TIMESTAMPTZ);
      }
      return LakeType.of(nanos ? TypeId.TIMESTAMP_NS : TypeId.TIMESTAMP);
    }
    if (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i) {
      return LakeType.of(
          switch (i.getBitWidth()) {
            case 8 -> TypeId.INT8;
            case 16 -> TypeId.INT16;
            case 32 -> TypeId.INT32;
            default -> TypeId.INT64;
          });
    }
    return switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> LakeType.of(TypeId.BOOLEAN);
      case INT32 -> LakeType.of(TypeId.INT32);
      case INT64 -> LakeType.of(TypeId.INT64);
      case FLOAT -> LakeType.of(TypeId.FLOAT32);
      case DOUBLE -> LakeType.of(TypeId.FLOAT64);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> LakeType.of(TypeId.BLOB);
      case INT96 ->
          throw QuacklakeException.unsupported(
              "a shredded variant in %s stores INT96 values, which are not variant values", file);
    };
  }
}
