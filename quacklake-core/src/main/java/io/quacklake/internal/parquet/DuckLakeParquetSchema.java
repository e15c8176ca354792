package io.quacklake.internal.parquet;

import io.quacklake.exceptions.QuacklakeException;
import io.quacklake.types.LakeColumn;
import io.quacklake.types.LakeType;
import io.quacklake.types.TypeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema DuckDB writes for DuckLake columns: field id = column id on every column
 * (struct fields, list {@code element}, map {@code key}/{@code value} included), 3-level lists,
 * {@code key_value} maps with a required key, and the physical/logical types of spec §6.1.
 *
 * @param messageType the Parquet schema
 * @param leaves every leaf column by path, in schema order
 */
record DuckLakeParquetSchema(MessageType messageType, Map<ColumnPath, SchemaLeaf> leaves) {

  static DuckLakeParquetSchema of(List<LakeColumn> columns) {
    List<Type> fields = new ArrayList<>(columns.size());
    Map<ColumnPath, SchemaLeaf> leaves = new LinkedHashMap<>();
    for (LakeColumn c : columns) {
      fields.add(
          type(c, c.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED, List.of(), leaves));
    }
    return new DuckLakeParquetSchema(new MessageType("duckdb_schema", fields), leaves);
  }

  private static Type type(
      LakeColumn c,
      Repetition repetition,
      List<String> parent,
      Map<ColumnPath, SchemaLeaf> leaves) {
    List<String> path = append(parent, c.name());
    TypeId id = c.type().id();
    return switch (id) {
      case STRUCT -> {
        if (c.children().isEmpty()) {
          throw QuacklakeException.invalid("struct column '%s' has no fields", c.name());
        }
        Types.GroupBuilder<org.apache.parquet.schema.GroupType> g = Types.buildGroup(repetition);
        for (LakeColumn f : c.children()) {
          g.addField(
              type(f, f.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED, path, leaves));
        }
        yield g.id(fieldId(c)).named(c.name());
      }
      case LIST -> {
        LakeColumn element = child(c, 0);
        List<String> listPath = append(path, "list");
        Type elementType = type(renamed(element, "element"), optional(element), listPath, leaves);
        yield Types.buildGroup(repetition)
            .as(LogicalTypeAnnotation.listType())
            .addField(Types.repeatedGroup().addField(elementType).named("list"))
            .id(fieldId(c))
            .named(c.name());
      }
      case MAP -> {
        LakeColumn key = child(c, 0);
        LakeColumn value = child(c, 1);
        List<String> kvPath = append(path, "key_value");
        Type keyType = type(renamed(key, "key"), Repetition.REQUIRED, kvPath, leaves);
        Type valueType = type(renamed(value, "value"), optional(value), kvPath, leaves);
        yield Types.buildGroup(repetition)
            .as(LogicalTypeAnnotation.mapType())
            .addField(
                Types.repeatedGroup().addField(keyType).addField(valueType).named("key_value"))
            .id(fieldId(c))
            .named(c.name());
      }
      case VARIANT -> {
        // unshredded, as Parquet's variant encoding allows: the value's statistics are the column's
        List<String> valuePath = append(path, "value");
        leaves.put(
            ColumnPath.get(valuePath.toArray(String[]::new)), new SchemaLeaf(c.id(), c.type()));
        yield Types.buildGroup(repetition)
            .as(LogicalTypeAnnotation.variantType((byte) 1))
            .addField(Types.required(PrimitiveTypeName.BINARY).named("metadata"))
            .addField(Types.required(PrimitiveTypeName.BINARY).named("value"))
            .id(fieldId(c))
            .named(c.name());
      }
      default -> {
        leaves.put(ColumnPath.get(path.toArray(String[]::new)), new SchemaLeaf(c.id(), c.type()));
        yield primitive(c.type(), repetition).id(fieldId(c)).named(c.name());
      }
    };
  }

  private static Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> primitive(
      LakeType t, Repetition r) {
    return switch (t.id()) {
      case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, r);
      case INT8 -> int32(r, LogicalTypeAnnotation.intType(8, true));
      case INT16 -> int32(r, LogicalTypeAnnotation.intType(16, true));
      case INT32 -> int32(r, LogicalTypeAnnotation.intType(32, true));
      case UINT8 -> int32(r, LogicalTypeAnnotation.intType(8, false));
      case UINT16 -> int32(r, LogicalTypeAnnotation.intType(16, false));
      case UINT32 -> int32(r, LogicalTypeAnnotation.intType(32, false));
      case INT64 -> int64(r, LogicalTypeAnnotation.intType(64, true));
      case UINT64 -> int64(r, LogicalTypeAnnotation.intType(64, false));
      case INT128, UINT128, FLOAT64 -> Types.primitive(PrimitiveTypeName.DOUBLE, r);
      case FLOAT32 -> Types.primitive(PrimitiveTypeName.FLOAT, r);
      case DECIMAL -> decimal(t, r);
      case DATE -> int32(r, LogicalTypeAnnotation.dateType());
      case TIME -> int64(r, LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS));
      case TIME_NS -> int64(r, LogicalTypeAnnotation.timeType(false, TimeUnit.NANOS));
      case TIMETZ -> int64(r, LogicalTypeAnnotation.timeType(true, TimeUnit.MICROS));
      case TIMESTAMP, TIMESTAMP_S ->
          int64(r, LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS));
      case TIMESTAMP_MS -> int64(r, LogicalTypeAnnotation.timestampType(false, TimeUnit.MILLIS));
      case TIMESTAMP_NS -> int64(r, LogicalTypeAnnotation.timestampType(false, TimeUnit.NANOS));
      case TIMESTAMPTZ -> int64(r, LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
      case TIMESTAMPTZ_NS -> int64(r, LogicalTypeAnnotation.timestampType(true, TimeUnit.NANOS));
      case INTERVAL ->
          Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, r)
              .length(12)
              .as(LogicalTypeAnnotation.IntervalLogicalTypeAnnotation.getInstance());
      case VARCHAR ->
          Types.primitive(PrimitiveTypeName.BINARY, r).as(LogicalTypeAnnotation.stringType());
      case JSON ->
          Types.primitive(PrimitiveTypeName.BINARY, r).as(LogicalTypeAnnotation.jsonType());
      case BLOB -> Types.primitive(PrimitiveTypeName.BINARY, r);
      case GEOMETRY ->
          Types.primitive(PrimitiveTypeName.BINARY, r)
              .as(LogicalTypeAnnotation.geometryType(LogicalTypeAnnotation.DEFAULT_CRS));
      case UUID ->
          Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, r)
              .length(16)
              .as(LogicalTypeAnnotation.uuidType());
      case STRUCT, LIST, MAP, VARIANT ->
          throw QuacklakeException.unsupported(
              "writing DuckLake type %s to Parquet is not supported", t.ducklakeName());
    };
  }

  private static Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> decimal(
      LakeType t, Repetition r) {
    LogicalTypeAnnotation logical = LogicalTypeAnnotation.decimalType(t.scale(), t.precision());
    if (t.precision() <= 9) {
      return int32(r, logical);
    }
    if (t.precision() <= 18) {
      return int64(r, logical);
    }
    return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, r).length(16).as(logical);
  }

  private static Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> int32(
      Repetition r, LogicalTypeAnnotation logical) {
    return Types.primitive(PrimitiveTypeName.INT32, r).as(logical);
  }

  private static Types.PrimitiveBuilder<org.apache.parquet.schema.PrimitiveType> int64(
      Repetition r, LogicalTypeAnnotation logical) {
    return Types.primitive(PrimitiveTypeName.INT64, r).as(logical);
  }

  private static int fieldId(LakeColumn c) {
    if (c.id() < 0 || c.id() > Integer.MAX_VALUE) {
      throw QuacklakeException.invalid(
          "column '%s' has id %d, which does not fit a Parquet field id", c.name(), c.id());
    }
    return (int) c.id();
  }

  private static LakeColumn child(LakeColumn c, int index) {
    if (c.children().size() <= index) {
      throw QuacklakeException.invalid(
          "%s column '%s' lacks child %d", c.type().ducklakeName(), c.name(), index);
    }
    return c.children().get(index);
  }

  private static LakeColumn renamed(LakeColumn c, String name) {
    return new LakeColumn(
        c.id(), name, c.type(), c.nullable(), c.initialDefault(), c.defaultValue(), c.children());
  }

  private static Repetition optional(LakeColumn c) {
    return c.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
  }

  private static List<String> append(List<String> parent, String name) {
    List<String> path = new ArrayList<>(parent.size() + 1);
    path.addAll(parent);
    path.add(name);
    return path;
  }
}
